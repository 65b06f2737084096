package chat.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.ServerProcess;
import chat.server.TestPostgres;
import chat.server.TestStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A crash as a user would meet it: people talk as fast as the rate limit lets them, the server
 * process is killed with SIGKILL mid-stream, and started again on the same store. Every line that
 * anyone saw acknowledged (its sender's echo, or its arrival at another member) is in the room's
 * history exactly once, with the seq it was acknowledged with; seq has no gaps; the next line
 * gets the next seq.
 */
class CrashRecoveryTest {

    private static final int LINES_PER_SECOND = 150;
    /** The server is killed once this many lines were seen acknowledged: mid-stream, with writes on their way. */
    private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 300;
    /** Enough for a loss that takes a few crashes to show; each takes a few seconds. */
    private static final int CRASHES_IN_A_ROW = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The talkers may say more than the default 20 lines a second; everything else is as shipped. */
    private static final String[] SETTINGS = {"-Dchat.limits.rate=" + LINES_PER_SECOND, "-Dchat.limits.burst=" + LINES_PER_SECOND};
    /** Two rooms, so that two journals are cut mid-write. */
    private static final Map<String, String> TALKERS_AND_ROOMS = new LinkedHashMap<>(Map.of(
            "ann", "kitchen", "ben", "kitchen", "cat", "garden"));

    @Test
    void onTheDefaultEmbeddedStoreNoAcknowledgedLineIsLostOrDoubledBySigkill() throws Exception {
        try (TestStore store = TestStore.onDisk()) {
            talkCrashAndCheck(store, 1, new ArrayList<>());
        }
    }

    /**
     * H2 2.5.252 lost the last lines it had acknowledged once a store wrote into reused space: the
     * first kill lost them. Five crashes in a row on one store, every line since the first kept.
     */
    @Test
    void onAnEmbeddedStoreThatReusesItsSpaceNoAcknowledgedLineIsLostOverRepeatedSigkills() throws Exception {
        List<Talker.Seen> acknowledged = new ArrayList<>();
        try (TestStore store = TestStore.onDiskReusingSpaceAtOnce()) {
            for (int crash = 1; crash <= CRASHES_IN_A_ROW; crash++) {
                talkCrashAndCheck(store, crash, acknowledged);
            }
        }
    }

    @Test
    void onPostgresqlNoAcknowledgedLineIsLostOrDoubledBySigkill() throws Exception {
        try (TestPostgres postgres = TestPostgres.start()) {
            talkCrashAndCheck(postgres.store(), 1, new ArrayList<>());
        }
    }

    /**
     * Talkers named after the {@code crash} they lead to say lines until the server is killed; it
     * restarts on the same store, where every line in {@code acknowledged} (from earlier crashes,
     * and now this one's) must be.
     */
    private static void talkCrashAndCheck(TestStore store, int crash, List<Talker.Seen> acknowledged) throws Exception {
        int acknowledgedBefore = acknowledged.size();
        try (ServerProcess server = ServerProcess.startOn(store, SETTINGS)) {
            List<Talker> talkers = new ArrayList<>();
            for (Map.Entry<String, String> talker : TALKERS_AND_ROOMS.entrySet()) {
                talkers.add(Talker.in(server.port(), talker.getKey() + crash, talker.getValue()));
            }
            List<String> rooms = List.copyOf(TALKERS_AND_ROOMS.values());
            for (int i = 0; i < talkers.size(); i++) {
                talkers.get(i).talk(rooms.get(i), LINES_PER_SECOND);
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (talkers.stream().mapToInt(Talker::acknowledgedCount).sum() < ACKNOWLEDGED_BEFORE_THE_CRASH
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.kill();
            for (Talker talker : talkers) {
                assertThat(talker.awaitEnd(Duration.ofSeconds(10))).as("the talker noticed the crash").isTrue();
                acknowledged.addAll(talker.acknowledged());
                talker.close();
            }
        }
        assertThat(acknowledged.size() - acknowledgedBefore).as("lines acknowledged before crash %d", crash)
                .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_CRASH);

        try (ServerProcess restarted = ServerProcess.startOn(store, SETTINGS);
             RawClient checker = RawClient.registered(restarted.port(), "checker")) {
            for (String room : Set.copyOf(TALKERS_AND_ROOMS.values())) {
                List<ServerFrame.Message> history = wholeHistory(checker, room);
                long last = history.get(history.size() - 1).seq();
                assertThat(history).extracting(ServerFrame.Message::seq).as("%s after crash %d: seqs from 1 without a gap or a repeat", room, crash)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
                assertThat(new HashSet<>(history.stream().map(ServerFrame.Message::text).toList()))
                        .as("%s after crash %d: no line stored twice", room, crash).hasSize(history.size());
                List<Talker.Seen> stored = history.stream()
                        .map(message -> new Talker.Seen(room, message.seq(), message.from(), message.text())).toList();
                assertThat(stored).as("%s after crash %d: every acknowledged line, with the seq it was acknowledged with", room, crash)
                        .containsAll(acknowledged.stream().filter(seen -> seen.room().equals(room)).distinct().toList());

                checker.send(new ClientFrame.Join(null, room, null));
                checker.receive(ServerFrame.Joined.class);
                checker.send(new ClientFrame.Say("next", room, "after crash " + crash));
                ServerFrame.Message next = checker.receive(ServerFrame.Message.class);
                assertThat(next.seq()).as("%s: the next line's seq", room).isEqualTo(last + 1);
                acknowledged.add(new Talker.Seen(room, next.seq(), next.from(), next.text()));
            }
        }
    }

    /** Pages back through the room's history, as a client scrolling up would. */
    private static List<ServerFrame.Message> wholeHistory(RawClient client, String room) {
        List<ServerFrame.Message> all = new ArrayList<>();
        Long before = null;
        while (true) {
            client.send(new ClientFrame.History("h", room, before, ProtocolLimits.MAX_HISTORY_LIMIT));
            List<ServerFrame.Message> page = client.receive(ServerFrame.History.class).messages();
            all.addAll(0, page);
            if (page.size() < ProtocolLimits.MAX_HISTORY_LIMIT) {
                return all;
            }
            before = page.get(0).seq();
        }
    }
}
