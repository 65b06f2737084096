package chat.bench.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteMessageCounterTest {

    /** A class of this test's own, so no other test's counts mix in. */
    private record ToARoom(String text) {}

    private record ToAFanOut(String text) {}

    @Test
    void aMessageToAShardedEntityIsCountedAsWhatItsEnvelopeCarries() {
        RemoteMessageCounter counter = new RemoteMessageCounter();

        counter.remoteMessageSent(null, new ShardingEnvelope<>("lobby", new ToARoom("hi")), null, 0, 0);
        counter.remoteMessageSent(null, new ToAFanOut("hi"), null, 0, 0);
        counter.remoteMessageSent(null, new ToAFanOut("again"), null, 0, 0);

        Map<String, Long> sent = SentRemoteMessages.snapshot();
        assertThat(sent).containsEntry(ToARoom.class.getName(), 1L).containsEntry(ToAFanOut.class.getName(), 2L)
                .doesNotContainKey(ShardingEnvelope.class.getName());
    }

    @Test
    void theNodesFilesAreAddedUpByClassAndAFileNotWrittenYetCountsNothing(@TempDir Path folder) throws Exception {
        Path first = folder.resolve("node0");
        Path second = folder.resolve("node1");
        RemoteCountsFile.write(first, Map.of("chat.actors.NodeFanOut$Deliver", 3L, "org.apache.pekko.cluster.GossipStatus", 1L));
        RemoteCountsFile.write(second, Map.of("chat.actors.NodeFanOut$Deliver", 4L));

        assertThat(RemoteCountsFile.readAll(List.of(first, second, folder.resolve("node2"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("chat.actors.NodeFanOut$Deliver", 7L, "org.apache.pekko.cluster.GossipStatus", 1L));
    }
}
