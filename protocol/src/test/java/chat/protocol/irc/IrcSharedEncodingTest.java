package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A room encodes each event once per encoder its members' connections name: IRC connections that
 * enabled the same capabilities must name the very same encoder, and see the same bytes.
 */
class IrcSharedEncodingTest {

    private static final IrcProtocol PROTOCOL = new IrcProtocol(
            new IrcServer("pekko-chat", "PekkoChat", "pekko-chat/1.0", "today", "pekko-chat", 300, 100));
    private static final ServerFrame.Message LINE =
            new ServerFrame.Message("lobby", "bob", "hi", 7, Instant.parse("2026-12-02T10:00:00Z"), null);

    @Test
    void connectionsWithTheSameCapabilitiesShareOneEncoderAndOthersGetTheirOwn() {
        IrcConnection plain = registered("alice");
        IrcConnection alsoPlain = registered("carol");
        IrcConnection tagged = registered("dave", "CAP REQ :server-time message-tags");
        IrcConnection alsoTagged = registered("erin", "CAP REQ :message-tags server-time");

        assertThat(plain.shared()).isSameAs(alsoPlain.shared());
        assertThat(tagged.shared()).isSameAs(alsoTagged.shared()).isNotSameAs(plain.shared());
        assertThat(text(plain.shared().encode(LINE))).isEqualTo(":bob!bob@pekko-chat PRIVMSG #lobby :hi\r\n");
        assertThat(text(tagged.shared().encode(LINE)))
                .isEqualTo("@time=2026-12-02T10:00:00.000Z;msgid=lobby/7 :bob!bob@pekko-chat PRIVMSG #lobby :hi\r\n");
    }

    @Test
    void aCapabilityEnabledAfterRegistrationChangesTheEncoderFromThenOn() {
        IrcConnection alice = registered("alice");
        assertThat(alice.shared().encode(LINE.answering("irc1"))).as("no echo without echo-message").isEmpty();

        alice.read(bytes("CAP REQ echo-message"));

        assertThat(text(alice.shared().encode(LINE.answering("irc1"))))
                .isEqualTo(":bob!bob@pekko-chat PRIVMSG #lobby :hi\r\n");
    }

    private static IrcConnection registered(String nick, String... capabilityLines) {
        IrcConnection connection = PROTOCOL.connect("127.0.0.1");
        for (String line : capabilityLines) {
            connection.read(bytes(line));
        }
        connection.read(bytes("CAP END"));
        connection.read(bytes("NICK " + nick));
        IrcConnection.Reading user = connection.read(bytes("USER " + nick + " 0 * :" + nick));
        assertThat(user.requests()).singleElement().isInstanceOf(ClientFrame.Hello.class);
        connection.encode(new ServerFrame.Welcome(nick, 1, "pekko-chat/1.0", 30, "hi", user.requests().get(0).id()));
        return connection;
    }

    private static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] encoded) {
        return new String(encoded, StandardCharsets.UTF_8);
    }
}
