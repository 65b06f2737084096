package chat.server.hostile;

import chat.server.RawClient;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A busy room with one member that stops reading: a sender floods the room, a witness reads
 * everything, and the slow reader only starts reading once the room has seen it quit. Used both
 * in this JVM and against a separate server process with a small heap.
 */
final class SlowConsumerScenario {

    private static final String SLOW_READER = "slowpoke";
    private static final int SLOW_READER_BUFFER_BYTES = 4096;
    /** About a thousand messages a second: the rate the scenario's server allows one sender. */
    static final long SEND_INTERVAL_NANOS = 1_000_000;
    static final String SERVER_SETTINGS = "chat.limits.rate = 2000\nchat.limits.burst = 200\nchat.limits.max-outbound = 200";

    record Outcome(List<ServerFrame.Message> witnessed, ServerFrame.Presence slowReaderQuit, List<ServerFrame> slowReaderTail) {}

    private SlowConsumerScenario() {}

    static Outcome run(int port, int messages, int textLength) throws Exception {
        String text = "x".repeat(textLength);
        CountDownLatch slowReaderCut = new CountDownLatch(1);
        try (RawClient slow = RawClient.connectWithReceiveBuffer(port, SLOW_READER_BUFFER_BYTES);
             RawClient witness = RawClient.connect(port);
             RawClient sender = RawClient.connect(port)) {
            slow.hello(SLOW_READER);
            witness.hello("witness");
            sender.hello("sender");
            CompletableFuture<List<ServerFrame>> slowTail = CompletableFuture.supplyAsync(() -> {
                awaitQuietly(slowReaderCut);
                return slow.readUntilClosed();
            });
            CompletableFuture<Void> senderReads = CompletableFuture.runAsync(() -> {
                for (int read = 0; read < messages; ) {
                    if (sender.receive() instanceof ServerFrame.Message) {
                        read++;
                    }
                }
            });
            CompletableFuture<Void> sends = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < messages; i++) {
                    sender.send(new ClientFrame.Say(null, "lobby", i + ":" + text));
                    // A busy room, not a flood: the sender stays under its rate limit.
                    LockSupport.parkNanos(SEND_INTERVAL_NANOS);
                }
            });
            List<ServerFrame.Message> witnessed = new ArrayList<>();
            ServerFrame.Presence quit = null;
            while (witnessed.size() < messages) {
                ServerFrame frame = witness.receiveAny();
                if (frame instanceof ServerFrame.Message message) {
                    witnessed.add(message);
                } else if (frame instanceof ServerFrame.Presence presence && presence.event() == PresenceEvent.QUIT
                        && presence.nick().equals(SLOW_READER)) {
                    quit = presence;
                    slowReaderCut.countDown();
                } else if (frame instanceof ServerFrame.Bye bye) {
                    throw new AssertionError("the witness was cut too: " + bye.reason());
                }
            }
            sends.get(RawClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            senderReads.get(RawClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            slowReaderCut.countDown();
            return new Outcome(witnessed, quit, slowTail.get(RawClient.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /** What a user would notice: every message arrived in order, and only the slow reader was cut. */
    static void assertOnlyTheSlowReaderWasCut(Outcome outcome, int messages) {
        List<ServerFrame.Message> witnessed = outcome.witnessed();
        assertThat(witnessed).hasSize(messages);
        long firstSeq = witnessed.get(0).seq();
        for (int i = 0; i < messages; i++) {
            assertThat(witnessed.get(i).seq()).as("seq of message %d", i).isEqualTo(firstSeq + i);
            assertThat(witnessed.get(i).text()).startsWith(i + ":");
        }
        assertThat(outcome.slowReaderQuit())
                .as("the room saw the slow reader go")
                .isEqualTo(new ServerFrame.Presence("lobby", "slowpoke", PresenceEvent.QUIT, null, "slow consumer"));
        List<ServerFrame> tail = outcome.slowReaderTail();
        assertThat(tail.get(tail.size() - 1)).isEqualTo(new ServerFrame.Bye("slow consumer", null));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
