package chat.server.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import chat.actors.ChatSettings;
import chat.actors.ConnectionOutlet;
import chat.actors.SessionActor;
import chat.protocol.FrameCodec;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client's way out, without a socket: what is offered leaves once, in order, within the client's budget, and ends as asked. */
class OutletSourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration LINGER = Duration.ofMillis(500);
    private static final Duration POLL = Duration.ofMillis(10);
    /** How long a test watches for something that must not happen; see {@link #assertDrainedToldStays}. */
    private static final Duration QUIET = Duration.ofMillis(300);

    /** At most this many frames may wait for a client; one more offer behind them cuts it. */
    private static final int MOST_FRAMES = 50;
    private static final ChatSettings.Limits LIMITS = limits(MOST_FRAMES);

    private static ChatSettings.Limits limits(int mostFrames) {
        return ChatSettings.from(ConfigFactory.parseString(
                "chat.limits.linger = " + LINGER.toMillis() + "ms\nchat.limits.max-outbound = " + mostFrames)
                .withFallback(ConfigFactory.load())).limits();
    }

    private final AtomicInteger drainedTold = new AtomicInteger();
    private final AtomicInteger fellBehindTold = new AtomicInteger();
    /** Stands for the session: counts the {@link SessionActor.Drained} and {@link SessionActor.FellBehind} it is told. */
    private final ActorSystem<SessionActor.Command> session = ActorSystem.create(Behaviors.receiveMessage(message -> {
        (message == SessionActor.FellBehind.INSTANCE ? fellBehindTold : drainedTold).incrementAndGet();
        return Behaviors.same();
    }), "outlet-source-test");

    @AfterEach
    void stop() {
        session.terminate();
    }

    @Test
    void everyFrameOfABusySessionArrivesOnceAndInOrderWhileTheReaderComesAndGoes() throws Exception {
        int frames = 100_000;
        Pair<ConnectionOutlet, CompletionStage<List<ByteString>>> running = Source.fromGraph(
                        new OutletSource(session, limits(frames), new FrameCodec()))
                .async()
                .map(frame -> {
                    if (frame.head() == '0') {
                        // A reader that pauses now and then, so the source often finds the queue empty.
                        Thread.sleep(0, 50_000);
                    }
                    return frame;
                })
                .toMat(Sink.seq(), Keep.both())
                .run(session);
        ConnectionOutlet outlet = running.first();
        Random timing = new Random(7);
        for (int i = 0; i < frames; i++) {
            outlet.offer(ByteString.fromString(i + "\n"), 1);
            if (timing.nextInt(1000) == 0) {
                Thread.sleep(1);
            }
        }
        outlet.close();

        List<ByteString> arrived = running.second().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(arrived).hasSize(frames);
        for (int i = 0; i < frames; i++) {
            assertThat(arrived.get(i).utf8String()).isEqualTo(i + "\n");
        }
        assertThat(outlet.queuedFrames()).isZero();
    }

    /** A client that reads one frame each time {@link #readOne} lets it, and keeps what it read. */
    private final class SlowClient {
        final BlockingQueue<Runnable> unreadFrames = new LinkedBlockingQueue<>();
        final List<String> read = new CopyOnWriteArrayList<>();
        final ConnectionOutlet outlet;
        final CompletionStage<Done> done;

        SlowClient() {
            Pair<ConnectionOutlet, CompletionStage<Done>> running = Source.fromGraph(new OutletSource(session, LIMITS, new FrameCodec()))
                    .mapAsync(1, frame -> {
                        CompletableFuture<ByteString> reading = new CompletableFuture<>();
                        unreadFrames.add(() -> reading.complete(frame));
                        return reading;
                    })
                    .toMat(Sink.foreach(frame -> read.add(frame.utf8String())), Keep.both())
                    .run(session);
            outlet = running.first();
            done = running.second();
        }

        void readOne() throws InterruptedException {
            Runnable next = unreadFrames.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(next).as("a frame to read").isNotNull();
            next.run();
        }
    }

    @Test
    void theSessionIsToldOnceTheClientHasReadItsQueueBelowTheMarkItAskedFor() throws Exception {
        SlowClient client = new SlowClient();
        for (int i = 0; i < 10; i++) {
            client.outlet.offer(ByteString.fromString("{\"type\":\"message\"}\n"), 1);
        }
        client.outlet.notifyWhenBelow(5);
        awaitQueued(client, 9, "one frame is on its way to the client");
        assertDrainedToldStays(0, "nothing was read yet");

        for (int i = 0; i < 4; i++) {
            client.readOne();
        }
        awaitQueued(client, 5, "four read, the next on its way");
        assertDrainedToldStays(0, "still at the mark");
        client.readOne();
        eventually("the session told").untilAsserted(() -> assertThat(drainedTold).hasValue(1));
        assertThat(client.outlet.queuedFrames()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            client.readOne();
        }
        awaitQueued(client, 0, "all read but the last, which is on its way");
        assertDrainedToldStays(1, "told once per request");
    }

    @Test
    void aRoomsBatchCountsAsTheFramesItHoldsAgainstTheClientsLimit() throws Exception {
        SlowClient client = new SlowClient();
        client.outlet.offer(ByteString.fromString("on its way\n"), 1);
        client.outlet.offer(ByteString.fromString("one\ntwo\nthree\n"), 3);
        awaitQueued(client, 3, "the batch waits behind the frame on its way");
        client.readOne();
        client.readOne();
        eventually("both read").untilAsserted(() -> assertThat(client.read).hasSize(2));
        assertThat(client.outlet.queuedFrames()).isZero();
        assertThat(client.read).containsExactly("on its way\n", "one\ntwo\nthree\n");
    }

    @Test
    void aClientThatFellBehindHasWhatWaitedDroppedAndGetsOnlyItsLastFrame() throws Exception {
        SlowClient client = new SlowClient();
        client.outlet.offer(ByteString.fromString("first\n"), 1);
        client.readOne();
        client.outlet.offer(ByteString.fromString("on its way\n"), 1);
        awaitQueued(client, 0, "the frame is on its way to the client");
        for (int i = 0; i < MOST_FRAMES; i++) {
            client.outlet.offer(ByteString.fromString("unread\n"), 1);
        }
        awaitQueued(client, MOST_FRAMES, "the most that may wait");
        assertThat(fellBehindTold).as("within the budget").hasValue(0);

        client.outlet.offer(ByteString.fromString("one too many\n"), 1);
        eventually("the session told").untilAsserted(() -> assertThat(fellBehindTold).hasValue(1));
        assertThat(client.outlet.queuedFrames()).as("what waited is dropped").isZero();
        client.outlet.offer(ByteString.fromString("a room's line after the cut\n"), 1);
        client.outlet.offerLast(ByteString.fromString("bye\n"));
        client.outlet.offer(ByteString.fromString("a room's line after the bye\n"), 1);
        client.outlet.close();
        client.readOne();
        client.readOne();

        client.done.toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(client.read).as("the one unread frame already on its way went out, then only the bye")
                .containsExactly("first\n", "on its way\n", "bye\n");
        assertThat(fellBehindTold).as("told once").hasValue(1);
    }

    private static ConditionFactory eventually(String what) {
        return await(what).atMost(PATIENCE).pollInterval(POLL);
    }

    private static void awaitQueued(SlowClient client, int frames, String what) {
        eventually(what).untilAsserted(() -> assertThat(client.outlet.queuedFrames()).as(what).isEqualTo(frames));
    }

    /**
     * {@link SessionActor.Drained} is one message from the outlet to the session: one told by
     * mistake lands well within {@link #QUIET}, so the count holding that long shows none came.
     */
    private void assertDrainedToldStays(int told, String what) {
        await(what).during(QUIET).atMost(QUIET.multipliedBy(2)).pollInterval(POLL)
                .untilAsserted(() -> assertThat(drainedTold).as(what).hasValue(told));
    }

    @Test
    void aCloseThatThePeerNeverLetsFinishResetsTheConnectionAfterTheLinger() throws Exception {
        SlowClient client = new SlowClient();
        client.outlet.offer(ByteString.fromString("on its way\n"), 1);
        client.outlet.offer(ByteString.fromString("bye\n"), 1);
        client.outlet.close();

        assertThatThrownBy(() -> client.done.toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectionFlow.ConnectionAborted.class)
                .hasMessageContaining("did not take its last frames within");
    }

    @Test
    void anAbortFailsTheStreamWithTheReasonSoTheConnectionIsReset() {
        Pair<ConnectionOutlet, CompletionStage<List<ByteString>>> running = Source.fromGraph(new OutletSource(session, LIMITS, new FrameCodec()))
                .toMat(Sink.seq(), Keep.both())
                .run(session);
        running.first().offer(ByteString.fromString("never read\n"), 1);
        running.first().abort("peer did not take its last frames");

        assertThatThrownBy(() -> running.second().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectionFlow.ConnectionAborted.class)
                .hasMessageContaining("peer did not take its last frames");
    }
}
