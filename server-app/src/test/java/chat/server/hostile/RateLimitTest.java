package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.FrameCodec;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4, item 6: a burst is served, a flood is answered with rate-limited, sustained abuse is cut. */
class RateLimitTest {

    /** Slow enough that tokens flowing back while a burst is read barely move the counts. */
    private static final int RATE = 2;
    private static final int BURST = 10;
    private static final int TOLERANCE = 20;
    private static final FrameCodec CODEC = new FrameCodec();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("chat.limits.rate = " + RATE, "chat.limits.burst = " + BURST,
                "chat.limits.rate-abuse-tolerance = " + TOLERANCE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBurstIsServedAndTheFramesBeyondItAreDroppedWithRateLimited() throws Exception {
        long connected = System.nanoTime();
        try (RawClient client = RawClient.registered(server.port(), "bursty")) {
            int sent = BURST + 5;
            client.sendBytes(pings(sent));
            List<ServerFrame> answers = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                answers.add(client.receive());
            }
            long served = servedAtMost(connected);

            assertThat(answers).extracting(RateLimitTest::re).as("every ping answered once, in order")
                    .containsExactlyElementsOf(IntStream.range(0, sent).mapToObj(i -> "p" + i).toList());
            List<ServerFrame> limited = answers.stream().filter(RateLimitTest::isRateLimited).toList();
            assertThat(answers).as("each answer a pong or rate-limited")
                    .allMatch(answer -> answer instanceof ServerFrame.Pong || isRateLimited(answer));
            assertThat(limited).extracting(frame -> ((ServerFrame.Error) frame).message())
                    .allMatch(message -> message.contains("at most " + RATE + " frames per second"));
            // The hello took one token of the full bucket, so the rest of the burst is served whatever the timing.
            assertThat(answers.subList(0, BURST - 1)).as("the burst").allMatch(ServerFrame.Pong.class::isInstance);
            assertThat(limited).as("rate-limited answers to %d pings, when the bucket let through at most %d frames",
                            sent, served)
                    .hasSizeBetween((int) Math.max(0, sent - (served - 1)), sent - (BURST - 1));
            awaitPongAfterAPause(client);
        }
    }

    @Test
    void sustainedAbuseIsCutWithByeAndOnlyTheAbuserNotices() {
        long connected = System.nanoTime();
        try (RawClient bystander = RawClient.registered(server.port(), "bystander");
             RawClient abuser = RawClient.registered(server.port(), "abuser")) {
            bystander.awaitPresence("abuser", PresenceEvent.JOIN);
            abuser.sendBytes(pings(BURST + TOLERANCE + 100));
            List<ServerFrame> frames = abuser.readUntilClosed();
            // Each frame over the rate takes one of the tolerance's tokens, which flow back at the rate too.
            long toleratedAtMost = TOLERANCE + tokensFlowedBackSince(connected);
            assertThat(frames.get(frames.size() - 1)).isEqualTo(new ServerFrame.Bye("rate limit exceeded", null));
            long limited = frames.stream().filter(RateLimitTest::isRateLimited).count();
            assertThat(limited).as("rate-limited frames before the bye").isBetween((long) TOLERANCE, toleratedAtMost);
            assertThat(bystander.awaitPresence("abuser", PresenceEvent.QUIT).reason()).isEqualTo("rate limit exceeded");
            bystander.assertAlive("unharmed");
        }
    }

    /**
     * The most frames a token bucket lets through from {@code since}, before the session began,
     * until now: a full bucket, and what flowed back in the meantime.
     */
    private static long servedAtMost(long since) {
        return BURST + tokensFlowedBackSince(since);
    }

    private static long tokensFlowedBackSince(long since) {
        return (long) Math.floor(RATE * (System.nanoTime() - since) / 1e9);
    }

    private static boolean isRateLimited(ServerFrame frame) {
        return frame instanceof ServerFrame.Error error && error.code() == ErrorCode.RATE_LIMITED;
    }

    private static String re(ServerFrame frame) {
        if (frame instanceof ServerFrame.Pong pong) {
            return pong.re();
        }
        return frame instanceof ServerFrame.Error error ? error.re() : null;
    }

    /** A client that paused gets tokens back: polls until one ping is answered again. */
    private static void awaitPongAfterAPause(RawClient client) throws InterruptedException {
        long deadline = System.nanoTime() + RawClient.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000 / RATE);
            client.send(new ClientFrame.Ping("again"));
            if (client.receive() instanceof ServerFrame.Pong) {
                return;
            }
        }
        throw new AssertionError("no pong within " + RawClient.PATIENCE);
    }

    private static byte[] pings(int count) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            bytes.writeBytes(CODEC.encode(new ClientFrame.Ping("p" + i)));
        }
        return bytes.toByteArray();
    }
}
