package chat.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.TestPostgres;
import chat.server.TestServer;
import chat.server.TestStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops while people talk: a line said meanwhile is answered {@code unavailable},
 * nobody is disconnected, nothing acknowledged before is lost, and chat resumes by itself once
 * the database is back.
 */
class StoreOutageTest {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);

    @Test
    void aDatabaseThatStopsCostsOnlyTheLinesSaidWhileItIsDownAndChatResumesWhenItIsBack() throws Exception {
        try (TestPostgres postgres = TestPostgres.start();
             TestStore store = postgres.store();
             TestServer server = TestServer.startOn(store, "chat.store.restart-backoff.max = 1s");
             RawClient alice = RawClient.registered(server.port(), "alice");
             RawClient bob = RawClient.registered(server.port(), "bob")) {
            alice.awaitPresence("bob", PresenceEvent.JOIN);
            alice.send(new ClientFrame.Say("s1", "lobby", "before the outage"));
            assertThat(alice.receive(ServerFrame.Message.class).seq()).isEqualTo(1);
            assertThat(bob.receive(ServerFrame.Message.class).text()).isEqualTo("before the outage");

            postgres.stop();
            alice.send(new ClientFrame.Say("s2", "lobby", "while it is down"));
            ServerFrame.Error refused = alice.receiveError(ErrorCode.UNAVAILABLE);
            assertThat(refused.re()).isEqualTo("s2");
            assertThat(refused.message()).contains("chat store is unavailable");
            alice.assertAlive("alice is still connected");
            bob.assertAlive("bob is still connected");

            postgres.startAgain();
            long seq = sayUntilStored(alice, "after the outage");
            assertThat(seq).as("the refused line took no seq").isEqualTo(2);
            assertThat(bob.receive(ServerFrame.Message.class).text()).isEqualTo("after the outage");

            alice.send(new ClientFrame.History("h", "lobby", null, 10));
            List<ServerFrame.Message> history = alice.receive(ServerFrame.History.class).messages();
            assertThat(history).extracting(ServerFrame.Message::text).containsExactly("before the outage", "after the outage");
        }
    }

    /** Says the line again while the store is still coming back, as a person would, until it is echoed. */
    private static long sayUntilStored(RawClient client, String text) throws InterruptedException {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        for (int attempt = 1; ; attempt++) {
            client.send(new ClientFrame.Say("retry-" + attempt, "lobby", text));
            ServerFrame answer = client.receive();
            if (answer instanceof ServerFrame.Message echo) {
                return echo.seq();
            }
            assertThat(answer).isInstanceOfSatisfying(ServerFrame.Error.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE));
            assertThat(System.nanoTime()).as("chat resumed within %s", BACK_WITHIN).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
