package chat.protocol.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.ServerFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client's first minute: capabilities, NICK and USER, the one hello, and the welcome burst. */
class IrcRegistrationTest {

    private final IrcClient client = new IrcClient();

    @Test
    void capabilitiesAreNegotiatedThenCapEndRegistersWithExactlyOneHello() {
        assertThat(client.says("CAP LS 302"))
                .containsExactly(":irc.example CAP * LS :server-time message-tags echo-message batch draft/chathistory sasl=PLAIN");
        assertThat(IrcClient.asked(client.send("NICK alice"))).isEmpty();
        assertThat(IrcClient.asked(client.send("USER alice 0 * :Alice"))).as("registration waits for CAP END").isEmpty();

        assertThat(client.says("CAP REQ :server-time batch")).containsExactly(":irc.example CAP * ACK :server-time batch");
        assertThat(client.says("CAP REQ :batch away-notify")).as("one unknown name refuses the whole request")
                .containsExactly(":irc.example CAP * NAK :batch away-notify");
        assertThat(client.says("CAP LIST")).containsExactly(":irc.example CAP * LIST :server-time batch");

        IrcConnection.Reading end = client.send("CAP END");
        assertThat(IrcClient.asked(end)).singleElement().isInstanceOfSatisfying(ClientFrame.Hello.class, hello -> {
            assertThat(hello.nick()).isEqualTo("alice");
            assertThat(hello.client()).isEqualTo("irc");
        });
        assertThat(end.reply()).isEmpty();
        assertThat(IrcClient.asked(client.send("CAP END"))).as("a second CAP END sends no second hello").isEmpty();
        assertThat(IrcClient.asked(client.send("NICK alicia"))).as("a NICK while the hello is answered is the next hello")
                .singleElement().isInstanceOfSatisfying(ClientFrame.Hello.class, hello -> assertThat(hello.nick()).isEqualTo("alicia"));
    }

    @Test
    void withoutCapNickAndUserRegisterInEitherOrder() {
        assertThat(IrcClient.asked(client.send("USER alice 0 * :Alice"))).isEmpty();

        assertThat(client.request("NICK alice")).isInstanceOf(ClientFrame.Hello.class);
    }

    @Test
    void theWelcomeBurstNamesTheNickAndStatesTheServersLimitsTruthfully() {
        List<String> burst = client.receives(new ServerFrame.Welcome("alice", 1, "chat-1.2", 30, "Be kind.\nNo spam.", null));

        assertThat(burst).startsWith(
                ":irc.example 001 alice :Welcome to the ExampleNet IRC network, alice",
                ":irc.example 002 alice :Your host is irc.example, running version chat-1.2",
                ":irc.example 003 alice :This server was created Mon, 5 Jan 2026 09:00:00 GMT");
        assertThat(burst.get(3)).startsWith(":irc.example 004 alice irc.example chat-1.2 ");
        assertThat(IrcLine.parse(burst.get(4)).params()).contains("CHANTYPES=#", "CASEMAPPING=rfc8265",
                "NICKLEN=24", "CHANNELLEN=33", "TOPICLEN=300", "NETWORK=ExampleNet", "UTF8ONLY", "CHANLIMIT=#:10");
        assertThat(burst).endsWith(
                ":irc.example 375 alice :- irc.example Message of the day - ",
                ":irc.example 372 alice :- Be kind.",
                ":irc.example 372 alice :- No spam.",
                ":irc.example 376 alice :End of /MOTD command.");
        assertThat(client.connection.registered()).isTrue();
    }

    @Test
    void theLengthsInIsupportAreTheOnesTheServerEnforces() {
        String longestRoom = "r".repeat(32);

        assertThat(Names.nickProblem("n".repeat(24))).isEmpty();
        assertThat(Names.nickProblem("n".repeat(25))).isPresent();
        assertThat(Names.roomProblem(longestRoom)).as("CHANNELLEN counts the #").isEmpty();
        assertThat(Names.roomProblem(longestRoom + "r")).isPresent();
    }

    @Test
    void noMotdIsSaidSo() {
        assertThat(client.receives(new ServerFrame.Welcome("alice", 1, "chat-1.2", 30, null, null)))
                .endsWith(":irc.example 422 alice :MOTD File is missing");
    }

    @Test
    void commandsBeforeRegistrationAreRefusedAndReachNoSession() {
        for (String line : List.of("JOIN #lobby", "PRIVMSG #lobby :hi", "WHOIS bob", "LIST")) {
            IrcConnection.Reading reading = client.send(line);

            assertThat(IrcClient.asked(reading)).as(line).isEmpty();
            assertThat(client.answered(reading)).containsExactly(":irc.example 451 * :You have not registered");
        }
    }

    @Test
    void aPingBeforeRegistrationIsAnsweredAtOnce() {
        assertThat(client.says("PING :12345")).containsExactly(":irc.example PONG irc.example :12345");
    }

    @Test
    void aTakenNickIsToldAndTheNextNickTriesAgain() {
        client.send("USER alice 0 * :Alice");
        ClientFrame hello = client.request("NICK alice");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.NICK_TAKEN, "nick alice is taken", hello.id())))
                .containsExactly(":irc.example 433 * alice :nick alice is taken");
        assertThat(client.request("NICK alice_")).isInstanceOfSatisfying(ClientFrame.Hello.class,
                again -> assertThat(again.nick()).isEqualTo("alice_"));
    }

    @Test
    void anInvalidNickIsErroneous() {
        client.send("USER x 0 * :x");
        ClientFrame hello = client.request("NICK 9lives");

        assertThat(client.receives(new ServerFrame.Error(ErrorCode.BAD_NICK, "a nick starts with a letter or _", hello.id())))
                .containsExactly(":irc.example 432 * 9lives :a nick starts with a letter or _");
    }
}
