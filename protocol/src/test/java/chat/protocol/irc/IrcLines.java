package chat.protocol.irc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What an IRC client reads from the server's bytes: whole lines, each as IRC allows it. */
final class IrcLines {

    private static final String CRLF = "\r\n";

    private IrcLines() {}

    /**
     * The lines in {@code bytes}, CR LF removed. Checked on the way: every line ends in CR LF and
     * holds no other CR, LF or NUL (so no text can end a line early or start a command of its
     * own), and fits in the 512 bytes a client may read (tags aside).
     */
    static List<String> of(byte[] bytes) {
        String text = new String(bytes, UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        assertThat(text).as("every line ends in CR LF").endsWith(CRLF);
        List<String> lines = List.of(text.substring(0, text.length() - CRLF.length()).split(CRLF, -1));
        for (String line : lines) {
            assertThat(line).as("a line holds no CR, LF or NUL of its own").doesNotContain("\r", "\n", "\0");
            assertThat(untaggedBytes(line) + CRLF.length()).as("bytes of %s", line).isLessThanOrEqualTo(512);
        }
        return lines;
    }

    /** The bytes of a line after its tags, which IRCv3 does not count against the 512. */
    static int untaggedBytes(String line) {
        String untagged = line.startsWith("@") ? line.substring(line.indexOf(' ') + 1) : line;
        return untagged.getBytes(UTF_8).length;
    }
}
