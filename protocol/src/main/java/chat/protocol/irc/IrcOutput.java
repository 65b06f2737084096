package chat.protocol.irc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Lines for a client, built in the IRC message format and gathered into the bytes of one offer.
 * What goes out is one line per call whatever a parameter holds: CR, LF and NUL are replaced,
 * so nothing a user typed can end a line early or smuggle a command in; and the line is at most
 * 512 bytes (tags aside), as IRC clients read it.
 */
final class IrcOutput {

    static final byte[] NOTHING = new byte[0];
    /**
     * Commands whose last parameter is a name, written bare as servers do; every other command's
     * last parameter is text (a message, a numeric's words) and gets its {@code :} even when it is
     * one word, which some clients expect.
     */
    private static final Set<String> BARE_LAST = Set.of("JOIN", "PART", "BATCH", "MODE", "AUTHENTICATE");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    /**
     * One line: {@code tags} (without the {@code @}, or null), the {@code source} it comes from
     * (or null), the command and its parameters; the last parameter gets its {@code :} when it
     * needs one.
     */
    IrcOutput line(String tags, String source, String command, String... params) {
        StringBuilder line = new StringBuilder(64);
        if (tags != null && !tags.isEmpty()) {
            line.append('@').append(tags).append(' ');
        }
        int afterTags = line.length();
        if (source != null) {
            line.append(':').append(source).append(' ');
        }
        line.append(command);
        for (int index = 0; index < params.length; index++) {
            boolean last = index == params.length - 1;
            String param = last ? params[index] : middle(params[index]);
            line.append(' ');
            if (last && (param.isEmpty() || param.indexOf(' ') >= 0 || param.startsWith(":") || !BARE_LAST.contains(command))) {
                line.append(':');
            }
            line.append(param);
        }
        for (int index = 0; index < line.length(); index++) {
            char c = line.charAt(index);
            if (c == '\r' || c == '\n' || c == '\0') {
                line.setCharAt(index, ' ');
            }
        }
        fit(line, afterTags);
        line.append("\r\n");
        bytes.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Cuts the end of the line, its last parameter, at a character until the line from {@code
     * from} on is at most 510 bytes. Text that runs long (lines said, names, the MOTD) is cut into
     * pieces before it gets here; what still does not fit, such as a topic of 300 characters of
     * 3 bytes each, is shown shortened rather than left for the client to cut inside a character
     * or to drop.
     */
    private static void fit(StringBuilder line, int from) {
        int bytes = IrcText.utf8Length(line.substring(from));
        while (bytes > IrcText.MAX_LINE_BYTES) {
            int cp = line.codePointBefore(line.length());
            bytes -= IrcText.utf8Length(cp);
            line.setLength(line.length() - Character.charCount(cp));
        }
    }

    /**
     * A parameter before the last as one word, whatever the client typed (an empty channel name,
     * one with a space or a leading colon, echoed in an error), so the line parses as meant.
     */
    private static String middle(String param) {
        if (param.isEmpty()) {
            return "*";
        }
        String word = param.replace(' ', '_');
        return word.startsWith(":") ? "_" + word.substring(1) : word;
    }

    /** A numeric reply from {@code server} to {@code nick}: {@code :server 001 alice ...}. */
    IrcOutput numeric(String server, Numeric numeric, String nick, String... params) {
        String[] all = new String[params.length + 1];
        all[0] = nick;
        System.arraycopy(params, 0, all, 1, params.length);
        return line(null, server, numeric.code(), all);
    }

    /** Lines built before, as they were. */
    IrcOutput raw(byte[] lines) {
        bytes.writeBytes(lines);
        return this;
    }

    byte[] toBytes() {
        return bytes.size() == 0 ? NOTHING : bytes.toByteArray();
    }
}
