package chat.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.ServerProcess;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, items 2 and 6: bombs and a slow reader against a server process with a 128 MB heap.
 * Each bomb earns an error; the connection closes only where the contract says; and the process
 * is still alive and serving afterwards, so its heap stayed bounded.
 */
class BoundedHeapTest {

    private static final int FRAME_LIMIT = 16384;
    private static final int UNREGISTERED_FRAME_LIMIT = 4096;
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static final int CONNECTIONS = 200;
    private static final int SLOW_READER_MESSAGES = 3000;
    private static final int SLOW_READER_TEXT = 3000;
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final int MAX_TEXT = 4000;
    private static final int HISTORY_PAGE = 200;
    private static final int HOARDED_PAGES = 400;
    /** Each check its own nick: the last probe may still be on its way out. */
    private static final AtomicInteger PROBES = new AtomicInteger();
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        List<String> settings = new ArrayList<>(List.of("-Dchat.limits.linger=" + LINGER.toSeconds() + "s"));
        Arrays.stream(SlowConsumerScenario.SERVER_SETTINGS.split("\n"))
                .map(setting -> "-D" + setting.replace(" ", ""))
                .forEach(settings::add);
        server = ServerProcess.start(settings.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void theServerIsAliveAndServing() {
        assertThat(server.isAlive()).as("server process alive; its log:%n%s", server.log()).isTrue();
        try (RawClient client = RawClient.registered(server.port(), "probe" + PROBES.incrementAndGet())) {
            client.assertAlive("serving");
        }
    }

    @Test
    void nestingAsDeepAsTheFrameAllowsIsABadFrame() {
        try (RawClient client = RawClient.registered(server.port(), "nester")) {
            client.sendLine("[".repeat(16000));
            client.receiveError(ErrorCode.BAD_FRAME);
            client.sendLine("{\"type\":\"say\",\"room\":\"lobby\",\"text\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001));
            client.receiveError(ErrorCode.BAD_FRAME);
            client.assertAlive("after nesting bombs");
        }
    }

    @Test
    void aTenThousandDigitNumberIsABadFrame() {
        try (RawClient client = RawClient.registered(server.port(), "digits")) {
            client.sendLine("{\"type\":\"history\",\"room\":\"lobby\",\"limit\":" + "9".repeat(10000) + "}");
            client.receiveError(ErrorCode.BAD_FRAME);
            client.sendLine("{\"type\":\"join\",\"room\":\"lobby\",\"since\":0." + "1".repeat(10000) + "}");
            client.receiveError(ErrorCode.BAD_FRAME);
            client.assertAlive("after number bombs");
        }
    }

    @Test
    void aStringThatFillsTheWholeFrameIsBadTextAndOneByteMoreCloses() {
        try (RawClient client = RawClient.registered(server.port(), "filler")) {
            String prefix = "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"";
            String suffix = "\"}";
            String exactlyFull = prefix + "x".repeat(FRAME_LIMIT - prefix.length() - suffix.length()) + suffix;
            assertThat(exactlyFull.getBytes(StandardCharsets.UTF_8)).hasSize(FRAME_LIMIT);
            client.sendLine(exactlyFull);
            client.receiveError(ErrorCode.BAD_TEXT);
            client.assertAlive("a full frame is still a frame");
            client.sendLine(exactlyFull.replace("\"x", "\"xx"));
            client.receiveError(ErrorCode.FRAME_TOO_LONG);
            assertThat(client.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void aHundredMegabyteLineIsCutAtTheFrameLimitBeforeAndAfterHello() throws Exception {
        try (RawClient anonymous = RawClient.connect(server.port())) {
            assertCutWhileStreaming(anonymous, UNREGISTERED_FRAME_LIMIT);
        }
        try (RawClient registered = RawClient.registered(server.port(), "streamer")) {
            assertCutWhileStreaming(registered, FRAME_LIMIT);
        }
    }

    @Test
    void twoHundredConnectionsBombingAtOnceEachGetTheirErrors() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> bombers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                String nick = "bomber" + i;
                bombers.add(clients.submit(() -> {
                    try (RawClient client = RawClient.registered(server.port(), nick)) {
                        client.sendLine("[".repeat(16000));
                        client.receiveSkipping(ServerFrame.Error.class);
                        client.sendLine("{\"type\":\"history\",\"room\":\"lobby\",\"limit\":" + "9".repeat(10000) + "}");
                        assertThat(client.receiveSkipping(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.BAD_FRAME);
                        assertCutWhileStreaming(client, FRAME_LIMIT);
                    }
                    return null;
                }));
            }
            for (Future<?> bomber : bombers) {
                bomber.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aSlowReaderInABusyRoomIsCutAndTheHeapHolds() throws Exception {
        SlowConsumerScenario.Outcome outcome = SlowConsumerScenario.run(server.port(), SLOW_READER_MESSAGES, SLOW_READER_TEXT);
        SlowConsumerScenario.assertOnlyTheSlowReaderWasCut(outcome, SLOW_READER_MESSAGES);
    }

    @Test
    void aClientThatAsksForBigAnswersButNeverReadsIsCutBeforeTheHeapFills() throws Exception {
        String page = "x".repeat(MAX_TEXT);
        try (RawClient archivist = RawClient.registered(server.port(), "archivist");
             RawClient witness = RawClient.registered(server.port(), "watcher");
             RawClient hoarder = RawClient.connectWithReceiveBuffer(server.port(), 4096)) {
            archivist.send(new ClientFrame.Join(null, "archive", null));
            archivist.receive(ServerFrame.Joined.class);
            for (int i = 0; i < HISTORY_PAGE; i++) {
                archivist.send(new ClientFrame.Say(null, "archive", page));
                archivist.receive(ServerFrame.Message.class);
            }
            hoarder.hello("hoarder");
            // Each answer is a page of 200 long messages, some 800 KB: the queue's frame count alone
            // would let this one client hold far more than the whole heap.
            for (int i = 0; i < HOARDED_PAGES; i++) {
                hoarder.send(new ClientFrame.History(null, "archive", null, HISTORY_PAGE));
            }
            assertThat(witness.awaitPresence("hoarder", PresenceEvent.QUIT).reason()).isEqualTo("slow consumer");
        }
    }

    /**
     * Streams up to 100 MB without a newline while reading: the server answers frame-too-long
     * naming the limit and closes its side; it lets the peer's bytes drain away only while the
     * error lingers, then the socket is gone and the peer's writes fail.
     */
    private static void assertCutWhileStreaming(RawClient client, int limit) throws Exception {
        CompletableFuture<Boolean> refusedWrites = CompletableFuture.supplyAsync(() -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            long sent = 0;
            long deadline = System.nanoTime() + LINGER.plus(RawClient.PATIENCE).toNanos();
            try {
                while (sent < HUNDRED_MB || System.nanoTime() < deadline) {
                    client.sendBytes(chunk);
                    sent += chunk.length;
                }
            } catch (UncheckedIOException closedByTheServer) {
                return true;
            }
            return false;
        });
        ServerFrame.Error tooLong = client.receiveSkipping(ServerFrame.Error.class);
        assertThat(tooLong.code()).isEqualTo(ErrorCode.FRAME_TOO_LONG);
        assertThat(tooLong.message()).contains(String.valueOf(limit));
        assertThat(client.readUntilClosed()).isEmpty();
        assertThat(refusedWrites.get(LINGER.plus(RawClient.PATIENCE).multipliedBy(2).toSeconds(), TimeUnit.SECONDS))
                .as("the server hung up on a peer that kept streaming").isTrue();
    }
}
