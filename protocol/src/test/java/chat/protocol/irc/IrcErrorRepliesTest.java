package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The session's errors and farewells, in the numerics and words IRC clients show for the command that asked. */
class IrcErrorRepliesTest {

    private final IrcClient alice = IrcClient.inRoom("alice", "lobby");

    @ParameterizedTest(name = "{0} answered with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NICK bob                | NICK_TAKEN   | :irc.example 433 alice bob :why
            NICK 9lives             | BAD_NICK     | :irc.example 432 alice 9lives :why
            PRIVMSG b@d :hi         | BAD_NICK     | :irc.example 401 alice b@d :why
            PRIVMSG carol :hi       | NO_SUCH_NICK | :irc.example 401 alice carol :why
            JOIN #no!pe             | BAD_ROOM     | :irc.example 403 alice #no!pe :why
            NAMES #no!pe            | BAD_ROOM     | :irc.example 403 alice #no!pe :why
            PRIVMSG #kitchen :hi    | NOT_IN_ROOM  | :irc.example 404 alice #kitchen :why
            PRIVMSG #lobby :x       | BAD_TEXT     | :irc.example 404 alice #lobby :why
            PART #kitchen           | NOT_IN_ROOM  | :irc.example 442 alice #kitchen :why
            TOPIC #kitchen :hello   | NOT_IN_ROOM  | :irc.example 442 alice #kitchen :why
            JOIN #eleventh          | BAD_REQUEST  | :irc.example 405 alice #eleventh :why
            PRIVMSG bob :x          | RATE_LIMITED | :irc.example NOTICE alice :why
            PRIVMSG bob :x          | UNAVAILABLE  | :irc.example NOTICE alice :why
            """)
    void anErrorIsTheNumericOfTheCommandThatAskedAndNamesItsTarget(String line, ErrorCode code, String shown) {
        String id = alice.request(line).id();

        assertThat(alice.receives(new ServerFrame.Error(code, "why", id))).containsExactly(shown);
    }

    @Test
    void aNoticeNeverEarnsAnErrorSoTwoBotsCannotLoop() {
        String toRoom = alice.request("NOTICE #kitchen :hi").id();
        String toNick = alice.request("NOTICE carol :hi").id();

        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.NOT_IN_ROOM, "not in kitchen", toRoom))).isEmpty();
        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.NO_SUCH_NICK, "no carol", toNick))).isEmpty();
    }

    @ParameterizedTest(name = "bye \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            client quit                                          | Quit
            rate limit exceeded                                  | Excess Flood
            ping timeout                                         | Ping timeout
            slow consumer                                        | SendQ exceeded
            registration timeout: no hello within 30s            | Registration timed out
            server shutting down                                 | server shutting down
            """)
    void aByeIsTheErrorLineIrcClientsShowWhenALinkCloses(String reason, String words) {
        assertThat(alice.receives(new ServerFrame.Bye(reason, null)))
                .containsExactly("ERROR :Closing link: alice[203.0.113.7] (" + words + ")");
    }

    @Test
    void anErrorThatClosesTheConnectionIsAClosingLinkToo() {
        assertThat(alice.receives(new ServerFrame.Error(ErrorCode.FRAME_TOO_LONG, "frame over 16384 bytes", null)))
                .containsExactly("ERROR :Closing link: alice[203.0.113.7] (frame over 16384 bytes)");
    }

    @Test
    void aClientTurnedAwayAtTheDoorHasNoNickYet() {
        byte[] refusal = new IrcProtocol(IrcClient.SERVER).refusal(new ServerFrame.Bye("server full", null), "198.51.100.1");

        assertThat(IrcLines.of(refusal)).containsExactly("ERROR :Closing link: *[198.51.100.1] (server full)");
    }
}
