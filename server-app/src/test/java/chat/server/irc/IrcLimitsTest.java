package chat.server.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every limit of the JSON listener holds on the IRC one too, told in the words IRC servers use:
 * the client that floods, idles through registration, stops answering pings, sends a line longer
 * than IRC allows or opens too many connections learns why, and the server goes on.
 */
class IrcLimitsTest {

    private static final int BURST = 5;
    private static final int PER_ADDRESS = 3;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("chat.limits.rate = 1", "chat.limits.burst = " + BURST,
                "chat.limits.rate-abuse-tolerance = 5", "chat.limits.register-timeout = 1s", "chat.heartbeat = 1s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFloodIsToldToSlowDownThenClosedForExcessFlood() {
        try (IrcRawClient flooder = IrcRawClient.registered(server.ircPort(), "flooder")) {
            for (int line = 0; line < 40; line++) {
                flooder.send("PRIVMSG #lobby :spam " + line);
            }
            List<String> lines = flooder.readUntilClosed();
            assertThat(lines).as("the flooder was told to slow down before it was cut")
                    .anyMatch(line -> line.startsWith(":pekko-chat NOTICE flooder :slow down"));
            assertThat(lines.get(lines.size() - 1)).isEqualTo("ERROR :Closing link: flooder[127.0.0.1] (Excess Flood)");
        }
    }

    @Test
    void linesBeforeRegistrationCountForTheRateLimitToo() {
        try (IrcRawClient stranger = IrcRawClient.connect(server.ircPort())) {
            for (int line = 0; line < 40; line++) {
                stranger.send("JOIN #x" + line);
            }
            List<String> lines = stranger.readUntilClosed();
            assertThat(lines).contains(":pekko-chat 451 * :You have not registered");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("ERROR :Closing link: *[127.0.0.1] (Excess Flood)");
        }
    }

    @Test
    void aBotThatWritesItsWholeScriptAtOnceHasEveryLineCarriedOut() {
        try (IrcRawClient watcher = IrcRawClient.registered(server.ircPort(), "watcher");
             IrcRawClient bot = IrcRawClient.connect(server.ircPort())) {
            watcher.send("JOIN #builds");
            watcher.awaitLine(line -> line.contains(" 366 watcher #builds "));
            bot.send("NICK ci", "USER ci 0 * :ci", "JOIN #builds", "PRIVMSG #builds :build green", "QUIT :done");

            assertThat(watcher.awaitLine(line -> line.contains("#builds") && !line.contains(" JOIN ")))
                    .isEqualTo(":ci!ci@pekko-chat PRIVMSG #builds :build green");
            assertThat(bot.readUntilClosed()).last().isEqualTo("ERROR :Closing link: ci[127.0.0.1] (Quit: done)");
        }
    }

    @Test
    void aClientThatNeverRegistersIsClosedWhenRegistrationTimesOut() {
        try (IrcRawClient silent = IrcRawClient.connect(server.ircPort())) {
            silent.send("NICK halfway");
            assertThat(silent.readUntilClosed()).containsExactly("ERROR :Closing link: *[127.0.0.1] (Registration timed out)");
        }
    }

    @Test
    void theServerPingsAnIdleClientAndKeepsOneThatAnswers() {
        try (IrcRawClient idle = IrcRawClient.registered(server.ircPort(), "idler");
             IrcRawClient answering = IrcRawClient.registered(server.ircPort(), "answerer")) {
            assertThat(answering.awaitLine(line -> line.startsWith("PING"))).isEqualTo("PING :pekko-chat");
            answering.send("PONG :pekko-chat");

            idle.assertClosedWith("Ping timeout");

            answering.send("PING :still-here");
            assertThat(answering.awaitLine(line -> line.contains("PONG")))
                    .isEqualTo(":pekko-chat PONG pekko-chat :still-here");
        }
    }

    @Test
    void aLineLongerThanIrcAllowsIsRefusedAndTheConnectionGoesOn() {
        try (IrcRawClient verbose = IrcRawClient.registered(server.ircPort(), "verbose")) {
            verbose.send("PRIVMSG #lobby :" + "x".repeat(600), "PING :after");
            assertThat(verbose.awaitLine(line -> line.contains(" 417 ")))
                    .isEqualTo(":pekko-chat 417 verbose :Input line was too long");
            assertThat(verbose.awaitLine(line -> line.contains("PONG"))).isEqualTo(":pekko-chat PONG pekko-chat :after");
        }
    }

    @Test
    void oneConnectionTooManyFromAnAddressIsTurnedAwayInIrcWords() {
        List<IrcRawClient> allowed = new ArrayList<>();
        // A server of its own: connections the other tests closed are not counted against this one.
        try (TestServer crowded = TestServer.start("chat.limits.max-per-address = " + PER_ADDRESS)) {
            for (int connection = 0; connection < PER_ADDRESS; connection++) {
                allowed.add(IrcRawClient.registered(crowded.ircPort(), "guest" + connection));
            }
            try (IrcRawClient oneTooMany = IrcRawClient.connect(crowded.ircPort())) {
                List<String> lines = oneTooMany.readUntilClosed();
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).startsWith("ERROR :Closing link: *[127.0.0.1] (").contains(String.valueOf(PER_ADDRESS));
            }
        } finally {
            allowed.forEach(IrcRawClient::close);
        }
    }
}
