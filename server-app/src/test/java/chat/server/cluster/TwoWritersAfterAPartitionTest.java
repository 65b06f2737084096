package chat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.TestPostgres;
import chat.server.TestServer;
import chat.server.TestStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a split brain the Split Brain Resolver failed to prevent would do to a room: two servers on
 * one store, each a cluster of its own, each with an actor of the lobby that recovered the same
 * lines. Whichever writes second is refused by the journal's unique (persistence_id,
 * sequence_number) key: its sender is told the line was not sent, nobody sees it, that side's room
 * starts again from the store and shows its members the other side's line, and the store keeps one
 * line per seq.
 */
class TwoWritersAfterAPartitionTest {

    private static final Duration MOMENT = Duration.ofMillis(200);
    /** A room's journal restarts within chat.store.restart-backoff (0.5 s to 5 s): well within 20 s. */
    private static final int MOST_ATTEMPTS = 100;

    @Test
    void onPostgresOnlyAlicesLineGetsSeq2AndBobIsToldHisWasNotSent() throws Exception {
        try (TestPostgres postgres = TestPostgres.start(); TestStore store = postgres.store()) {
            aliceOnAAndBobOnBTalkInTheLobbyAfterAPartition(store);
        }
    }

    @Test
    void onH2OnlyAlicesLineGetsSeq2AndBobIsToldHisWasNotSent() throws Exception {
        try (TestStore store = TestStore.inMemory()) {
            aliceOnAAndBobOnBTalkInTheLobbyAfterAPartition(store);
        }
    }

    private static void aliceOnAAndBobOnBTalkInTheLobbyAfterAPartition(TestStore store) throws Exception {
        try (TestServer nodeA = TestServer.startOn(store);
             TestServer nodeB = TestServer.startOn(store);
             RawClient alice = RawClient.registered(nodeA.port(), "alice")) {
            alice.send(new ClientFrame.Say("a1", "lobby", "before the partition"));
            assertThat(alice.receive(ServerFrame.Message.class).seq()).isEqualTo(1);

            // Both lobbies have now recovered seq 1: the next seq is the one both sides will write.
            try (RawClient bob = RawClient.registered(nodeB.port(), "bob");
                 RawClient dave = RawClient.registered(nodeB.port(), "dave")) {
                alice.send(new ClientFrame.Say("a2", "lobby", "alice on A"));
                assertThat(alice.receive(ServerFrame.Message.class).seq()).as("alice's line, stored first").isEqualTo(2);

                bob.send(new ClientFrame.Say("b1", "lobby", "bob on B"));
                ServerFrame.Error refused = bob.receiveError(ErrorCode.UNAVAILABLE);
                assertThat(refused.re()).isEqualTo("b1");
                assertThat(refused.message()).contains("your line was not sent");
                for (RawClient onB : new RawClient[] {bob, dave}) {
                    assertThat(onB.receive(ServerFrame.Message.class)).as("the other side's line, once node B's room"
                                    + " started again from the store, and not bob's refused one")
                            .extracting(ServerFrame.Message::seq, ServerFrame.Message::from, ServerFrame.Message::text)
                            .containsExactly(2L, "alice", "alice on A");
                }

                ServerFrame.Message again = sayUntilStored(bob, "bob on B, again");
                assertThat(again.seq()).as("node B numbers after what the store holds, alice's line included")
                        .isEqualTo(3);
                assertThat(dave.receive(ServerFrame.Message.class)).isEqualTo(again.answering(null));
            }
        }

        try (TestServer later = TestServer.startOn(store); RawClient carol = RawClient.connect(later.port())) {
            carol.send(new ClientFrame.Hello(null, "carol", 1, "split-brain-test/1"));
            carol.receive(ServerFrame.Welcome.class);
            ServerFrame.Joined lobby = carol.receive(ServerFrame.Joined.class);
            assertThat(lobby.history()).as("the store, read afresh by a server started later: one line per seq, no gaps")
                    .extracting(ServerFrame.Message::seq, ServerFrame.Message::from, ServerFrame.Message::text)
                    .containsExactly(
                            tuple(1L, "alice", "before the partition"),
                            tuple(2L, "alice", "alice on A"),
                            tuple(3L, "bob", "bob on B, again"));
        }
    }

    /** Says the line again a moment after each refusal, as the refusal asks, until it is echoed. */
    private static ServerFrame.Message sayUntilStored(RawClient client, String text) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            client.send(new ClientFrame.Say("retry-" + attempt, "lobby", text));
            ServerFrame answer = client.receive();
            if (answer instanceof ServerFrame.Message echo) {
                return echo;
            }
            assertThat(answer).isInstanceOfSatisfying(ServerFrame.Error.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE));
            assertThat(attempt).as("attempts until node B's room has recovered").isLessThan(MOST_ATTEMPTS);
            Thread.sleep(MOMENT.toMillis());
        }
    }
}
