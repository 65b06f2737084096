package chat.protocol.irc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Message text between the two protocols. A JSON user's text may hold newlines and run to
 * thousands of characters; an IRC line holds one line of at most 512 bytes. Text going to IRC is
 * cut into pieces that fit, between characters (never inside a UTF-8 sequence or a surrogate
 * pair), at a space where there is one near the end. Text coming from IRC loses the client's
 * formatting codes, which a JSON client would show as garbage, and {@code /me} becomes words.
 */
public final class IrcText {

    /** The longest line, CR LF excluded, that RFC 1459 lets a server send (tags aside). */
    static final int MAX_LINE_BYTES = 510;
    /** The longest line a client may send: 510 bytes and CR LF, after at most 8191 bytes of tags (IRCv3 message-tags). */
    public static final int MAX_CLIENT_LINE_BYTES = 8191 + 512;
    private static final char CTCP = '\u0001';
    private static final String ACTION = "ACTION ";
    /** A piece is cut at a space only if the space is in its last quarter; else it is cut mid-word. */
    private static final int SPACE_SEARCH_FRACTION = 4;

    private IrcText() {}

    /** {@code text} as pieces of at most {@code budget} UTF-8 bytes, one line per piece; empty lines are dropped. */
    static List<String> pieces(String text, int budget) {
        List<String> pieces = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            cut(line, Math.max(budget, 4), pieces);
        }
        return pieces;
    }

    private static void cut(String line, int budget, List<String> pieces) {
        int start = 0;
        while (start < line.length()) {
            int end = start;
            int bytes = 0;
            int lastSpace = -1;
            while (end < line.length()) {
                int cp = line.codePointAt(end);
                int size = utf8Length(cp);
                if (bytes + size > budget) {
                    break;
                }
                if (cp == ' ') {
                    lastSpace = end;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (end < line.length() && lastSpace > start && bytes - utf8Bytes(line, start, lastSpace) < budget / SPACE_SEARCH_FRACTION) {
                end = lastSpace + 1;
            }
            String piece = line.substring(start, end);
            if (!piece.isBlank()) {
                pieces.add(piece);
            }
            start = end;
        }
    }

    private static int utf8Bytes(String text, int from, int to) {
        return text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }

    static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * What an IRC user typed, as the room will show it: {@code /me waves} (CTCP ACTION) becomes
     * {@code * alice waves}, and bold, colour and the other formatting codes are dropped. Null for
     * any other CTCP request (VERSION, PING...), which no person reads.
     */
    static String fromIrc(String nick, String text) {
        if (!text.isEmpty() && text.charAt(0) == CTCP) {
            String body = text.substring(1, text.endsWith(String.valueOf(CTCP)) && text.length() > 1
                    ? text.length() - 1 : text.length());
            if (!body.startsWith(ACTION)) {
                return null;
            }
            return "* " + nick + " " + withoutFormatting(body.substring(ACTION.length()));
        }
        return withoutFormatting(text);
    }

    /** The bye and quit reasons of the JSON protocol, in the words IRC clients and their users know. */
    private static final Map<String, String> QUIT_WORDS = Map.of(
            "client quit", "Quit",
            "rate limit exceeded", "Excess Flood",
            "slow consumer", "SendQ exceeded",
            "ping timeout", "Ping timeout");
    private static final String REGISTRATION_TIMEOUT = "registration timeout";
    /** How the session words a quit with the client's parting words: {@code client quit: lunch}. */
    private static final String QUIT_WITH_WORDS = "client quit: ";

    /**
     * Why someone left, as IRC servers say it: {@code Excess Flood}, not {@code rate limit
     * exceeded}; {@code Quit: lunch} for parting words.
     */
    static String quitWords(String reason) {
        if (reason.startsWith(QUIT_WITH_WORDS)) {
            return "Quit: " + reason.substring(QUIT_WITH_WORDS.length());
        }
        String words = QUIT_WORDS.get(reason);
        if (words == null && reason.startsWith(REGISTRATION_TIMEOUT)) {
            words = "Registration timed out";
        }
        return words == null ? reason : words;
    }

    /**
     * An IRC client's parting words (or a kick's reason) as the session takes them: one plain line of at most
     * {@code maxCodePoints}, since a QUIT must work whatever its message holds; null for none.
     */
    static String partingWords(String message, int maxCodePoints) {
        if (message == null) {
            return null;
        }
        String plain = withoutFormatting(message).codePoints()
                .filter(cp -> !Character.isISOControl(cp) && cp != '\u2028' && cp != '\u2029')
                .limit(maxCodePoints)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        return plain.isEmpty() ? null : plain;
    }

    /** The bytes CTCP adds around an action: {@code \u0001ACTION } and {@code \u0001}. */
    static final int ACTION_FRAME_BYTES = 1 + ACTION.length() + 1;

    /**
     * What {@code from} does, when {@code text} is an action as {@link #fromIrc} writes it
     * ({@code * alice waves}); null for any other text. Said back to IRC users as an action, so
     * their client shows it as {@code /me} did.
     */
    static String actionOf(String from, String text) {
        String prefix = "* " + from + " ";
        return text.startsWith(prefix) && text.length() > prefix.length() && text.indexOf('\n') < 0
                ? text.substring(prefix.length()) : null;
    }

    static String asAction(String piece) {
        return CTCP + ACTION + piece + CTCP;
    }

    private static String withoutFormatting(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '\u0002', '\u000f', '\u0011', '\u0016', '\u001d', '\u001e', '\u001f' -> { }
                case '\u0003' -> index = skipColour(text, index);
                default -> plain.append(c);
            }
        }
        return plain.toString();
    }

    /** Skips a colour code's {@code fg[,bg]} digits (up to two each); returns the last index used. */
    private static int skipColour(String text, int at) {
        int index = skipDigits(text, at + 1);
        if (index > at + 1 && index + 1 < text.length() && text.charAt(index) == ','
                && Character.isDigit(text.charAt(index + 1))) {
            index = skipDigits(text, index + 1);
        }
        return index - 1;
    }

    private static int skipDigits(String text, int from) {
        int index = from;
        while (index < text.length() && index < from + 2 && text.charAt(index) >= '0' && text.charAt(index) <= '9') {
            index++;
        }
        return index;
    }
}
