package chat.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.ServerList;
import chat.client.testing.LiveServer;
import chat.client.testing.TestUser;
import chat.server.TestStore;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The headless client given two real servers that store their rooms in one store, as the nodes of
 * a cluster do: the first one stops, and the client carries on on the second by itself.
 */
class FailoverOverRealServersTest {

    @Test
    void whenTheFirstServerStopsTheClientCarriesOnOnTheSecondWithNoGapAndNoDuplicate() {
        try (TestStore store = TestStore.inMemory();
             LiveServer first = LiveServer.startOn(store, "");
             LiveServer second = LiveServer.startOn(store, "");
             TestUser alice = TestUser.online("alice", ServerList.of(first.endpoint(), second.endpoint()));
             TestUser bob = TestUser.online("bob", first.endpoint())) {
            alice.joins("ops");
            bob.joins("ops");
            bob.says("ops", "before 1");
            bob.says("ops", "before 2");
            alice.await("both early messages", u -> u.messages("ops").size() == 2);

            // Alice is cut off first, so that the room goes on without her on the second server.
            alice.network().cut();
            first.close();
            try (TestUser carol = TestUser.online("carol", second.endpoint())) {
                carol.joins("ops");
                List<String> missed = IntStream.rangeClosed(1, 3).mapToObj(i -> "while away " + i).toList();
                missed.forEach(text -> carol.says("ops", text));
                alice.network().restore();

                alice.await("everything carol said", u -> u.messages("ops").contains("while away 3"));
                carol.says("ops", "after");
                alice.await("the message after the reconnect", u -> u.messages("ops").contains("after"));

                assertThat(alice.messages("ops")).containsExactly("before 1", "before 2", "while away 1", "while away 2",
                        "while away 3", "after");
                assertThat(alice.seqs("ops")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
                assertThat(alice.status().detail()).isEqualTo("Connected to " + second.endpoint() + " as alice");
                assertThat(alice.lines("ops")).contains("Reconnected to " + second.endpoint());
            }
        }
    }
}
