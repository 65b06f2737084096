package chat.transcript;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IrcLineRulesTest {

    /** A line as the inbox hands it over: cut at its LF, the CR still there. */
    private static Optional<String> problem(String line) {
        return IrcLineRules.problem(line.getBytes(UTF_8));
    }

    @Test
    void acceptsWellFormedLines() {
        assertThat(problem(":pekko-chat 001 alice :Welcome\r")).isEmpty();
        assertThat(problem("PING :pekko-chat\r")).isEmpty();
        assertThat(problem("@time=2026-12-02T13:00:00.123Z;msgid=lobby/1 :bob!bob@pekko-chat PRIVMSG #lobby :hi\r")).isEmpty();
        assertThat(IrcLineRules.text("PING :x\r".getBytes(UTF_8))).isEqualTo("PING :x");
    }

    @Test
    void aLineEndsWithCrLfAndHasNoCrOrNulInside() {
        assertThat(problem("PING :pekko-chat")).contains("an IRC line ends with CR LF, this one with a bare LF");
        assertThat(problem("PING :a\rb\r")).contains("a CR or NUL inside an IRC line, at byte 7");
        assertThat(problem("PING :a\0b\r")).isPresent();
    }

    @Test
    void aLineIsUtf8() {
        byte[] latin1 = {'P', 'I', 'N', 'G', ' ', ':', (byte) 0xe9, '\r'};
        assertThat(IrcLineRules.problem(latin1)).contains("the line is not valid UTF-8, though the server announces UTF8ONLY");
    }

    @Test
    void aLineIsAnIrcMessage() {
        assertThat(problem("\r")).isPresent();
        assertThat(problem(":pekko-chat\r")).isPresent();
        assertThat(problem("{\"type\":\"pong\"}\r")).isPresent();
    }

    @Test
    void aLineHasAtMost512BytesWithItsCrLfAndItsTagsDoNotCount() {
        String prefix = ":bob!bob@pekko-chat PRIVMSG #lobby :";
        String full = prefix + "x".repeat(510 - prefix.length());
        assertThat(problem(full + "\r")).isEmpty();
        assertThat(problem(full + "x\r")).contains("the line takes 513 bytes besides its tags, CR LF included; IRC allows 512");
        assertThat(problem("@msgid=" + "m".repeat(4000) + " " + full + "\r")).isEmpty();
        assertThat(problem("@msgid=" + "m".repeat(8200) + " PING :x\r")).isPresent();
    }

    @Test
    void aTimeTagIsUtcWithMilliseconds() {
        assertThat(problem("@time=2026-12-02T13:00:00Z :bob PRIVMSG #lobby :hi\r"))
                .contains("a time tag is UTC ISO-8601 with milliseconds (server-time), not 2026-12-02T13:00:00Z");
    }
}
