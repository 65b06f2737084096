package chat.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The nick and room rules of protocol v1, in one place.
 *
 * <p>A name is shown as its owner spelled it, but compared by its {@link #key key}: NFKC, case
 * folded, then mapped through {@link Confusables} so that lookalikes across scripts (Cyrillic
 * {@code е} for Latin {@code e}) name the same nick.
 */
public final class Names {

    public static final int MAX_NICK_CODE_POINTS = 24;
    public static final int MAX_ROOM_CODE_POINTS = 32;
    /**
     * The name IRC users send their account commands to ({@code /msg NickServ REGISTER ...}): held
     * by nobody, so that no person can be sent a password meant for it.
     */
    public static final String ACCOUNT_SERVICE = "NickServ";
    private static final String ACCOUNT_SERVICE_KEY = key(ACCOUNT_SERVICE);

    private Names() {}

    /** Why {@code nick} is not a valid nick, or empty when it is. */
    public static Optional<String> nickProblem(String nick) {
        Optional<String> problem = problem(nick, "nick", MAX_NICK_CODE_POINTS, true);
        if (problem.isEmpty() && isAccountService(nick)) {
            return Optional.of(ACCOUNT_SERVICE + " is the account service IRC users write to, not a nick anyone may hold");
        }
        return problem;
    }

    /** True for {@value #ACCOUNT_SERVICE} in any spelling that names the same nick. */
    public static boolean isAccountService(String nick) {
        return key(nick).equals(ACCOUNT_SERVICE_KEY);
    }

    /** Why {@code room} is not a valid room name, or empty when it is. */
    public static Optional<String> roomProblem(String room) {
        return problem(room, "room name", MAX_ROOM_CODE_POINTS, false);
    }

    /**
     * The spelling a valid name is shown with: the owner's own, composed (NFC) so that a name
     * typed with combining accents is stored like the same name typed precomposed.
     */
    public static String display(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** The comparison key: names with equal keys are the same nick or room. */
    public static String key(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // Upper then lower folds what a plain lower-casing misses (ß and SS, final sigma).
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Confusables.skeleton(Normalizer.normalize(folded, Normalizer.Form.NFKC));
    }

    private static Optional<String> problem(String name, String what, int maxCodePoints, boolean firstMustBeLetter) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a " + what + " needs at least one character");
        }
        String composed = display(name);
        int count = composed.codePointCount(0, composed.length());
        if (count > maxCodePoints) {
            return Optional.of("a " + what + " has at most " + maxCodePoints + " characters, this one has " + count);
        }
        int index = 0;
        boolean first = true;
        while (index < composed.length()) {
            int cp = composed.codePointAt(index);
            if (first && firstMustBeLetter && !(Character.isLetter(cp) || cp == '_')) {
                return Optional.of("a " + what + " starts with a letter or _");
            }
            if (!allowed(cp, first)) {
                return Optional.of("a " + what + " holds letters, digits, _ and - only, not " + describe(cp));
            }
            first = false;
            index += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static boolean allowed(int cp, boolean first) {
        if (invisible(cp)) {
            return false;
        }
        if (Character.isLetter(cp) || Character.isDigit(cp) || cp == '_' || cp == '-') {
            return true;
        }
        // Scripts such as Devanagari and Thai need their combining marks after a base letter.
        int type = Character.getType(cp);
        return !first && (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK);
    }

    /**
     * The default-ignorable code points that Java counts as letters or marks: Hangul fillers draw
     * nothing, so a nick of them is blank, and variation selectors or the grapheme joiner would let
     * {@code alice} plus an invisible mark pass for {@code alice} under a different key.
     */
    private static boolean invisible(int cp) {
        return cp == 0x034F
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
                || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static String describe(int cp) {
        if (cp > ' ' && cp < 0x7f) {
            return "'" + (char) cp + "'";
        }
        return String.format("U+%04X", cp);
    }
}
