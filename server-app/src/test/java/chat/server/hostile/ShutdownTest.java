package chat.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.ServerProcess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Issue 4, item 10: SIGTERM while people are talking: everyone gets bye, the process exits 0 in time. */
class ShutdownTest {

    private static final int LISTENERS = 20;
    private static final int TALKERS = 10;
    private static final long TALK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MESSAGES_BEFORE_SIGTERM = 200;
    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(5);

    @Test
    void sigtermUnderLoadSaysByeToEveryClientAndExitsZeroWithinFiveSeconds() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        List<RawClient> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start()) {
            AtomicInteger messagesSeen = new AtomicInteger();
            AtomicBoolean talking = new AtomicBoolean(true);
            List<CompletableFuture<List<ServerFrame>>> lastFrames = new ArrayList<>();
            for (int i = 0; i < LISTENERS + TALKERS; i++) {
                RawClient client = RawClient.registered(server.port(), "user" + i);
                clients.add(client);
                lastFrames.add(CompletableFuture.supplyAsync(() -> readCounting(client, messagesSeen), threads));
                if (i >= LISTENERS) {
                    threads.execute(() -> talk(client, talking));
                }
            }
            // Connected and registered, but it never reads and never hangs up: shutdown must not wait for it.
            RawClient deadbeat = RawClient.registered(server.port(), "deadbeat");
            clients.add(deadbeat);
            awaitAtLeast(messagesSeen, MESSAGES_BEFORE_SIGTERM);

            long sigterm = System.nanoTime();
            server.terminate();
            assertThat(server.awaitExit(EXIT_DEADLINE)).as("exit code").isZero();
            Duration took = Duration.ofNanos(System.nanoTime() - sigterm);
            talking.set(false);

            assertThat(took).isLessThanOrEqualTo(EXIT_DEADLINE);
            assertThat(deadbeat.receiveSkipping(ServerFrame.Bye.class)).isEqualTo(new ServerFrame.Bye("server shutting down", null));
            for (CompletableFuture<List<ServerFrame>> frames : lastFrames) {
                List<ServerFrame> received = frames.get(RawClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(received.get(received.size() - 1)).isEqualTo(new ServerFrame.Bye("server shutting down", null));
            }
        } finally {
            clients.forEach(RawClient::close);
            threads.shutdownNow();
        }
    }

    /** Every frame until the server hangs up, counting the room's messages as they come. */
    private static List<ServerFrame> readCounting(RawClient client, AtomicInteger messagesSeen) {
        List<ServerFrame> frames = new ArrayList<>();
        try {
            while (true) {
                ServerFrame frame = client.receive();
                frames.add(frame);
                if (frame instanceof ServerFrame.Message) {
                    messagesSeen.incrementAndGet();
                }
                if (frame instanceof ServerFrame.Bye) {
                    frames.addAll(client.readUntilClosed());
                    return frames;
                }
            }
        } catch (AssertionError closedWithoutBye) {
            frames.add(new ServerFrame.Bye("closed without bye: " + closedWithoutBye.getMessage(), null));
            return frames;
        }
    }

    private static void talk(RawClient client, AtomicBoolean talking) {
        try {
            for (int i = 0; talking.get(); i++) {
                client.send(new ClientFrame.Say(null, "lobby", "talking " + i));
                LockSupport.parkNanos(TALK_INTERVAL_NANOS);
            }
        } catch (UncheckedIOException serverGone) {
            // The server closed the connection after its bye: the talk is over.
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int target) throws InterruptedException {
        long deadline = System.nanoTime() + RawClient.PATIENCE.toNanos();
        while (counter.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(counter.get()).as("messages seen under load").isGreaterThanOrEqualTo(target);
    }
}
