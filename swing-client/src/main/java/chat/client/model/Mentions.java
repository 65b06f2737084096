package chat.client.model;

/** Whether a message names a nick, as a word: "hi bob" mentions bob, "bobcat" does not. */
public final class Mentions {

    private Mentions() {}

    public static boolean mentions(String text, String nick) {
        if (nick == null || nick.isEmpty()) {
            return false;
        }
        for (int from = 0; from + nick.length() <= text.length(); from++) {
            if (text.regionMatches(true, from, nick, 0, nick.length())
                    && separated(text, from - 1, nick.codePointAt(0))
                    && separated(text, from + nick.length(), nick.codePointBefore(nick.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Ideographic scripts write words without spaces, so a neighbour there never joins two words. */
    private static boolean separated(String text, int index, int nickEdge) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        int neighbour = text.codePointAt(Character.isLowSurrogate(text.charAt(index)) && index > 0 ? index - 1 : index);
        if (Character.isIdeographic(neighbour) || Character.isIdeographic(nickEdge)) {
            return true;
        }
        return !(Character.isLetterOrDigit(neighbour) || neighbour == '_' || neighbour == '-');
    }
}
