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
import java.util.List;
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
        try (RawClient client = RawClient.registered(server.port(), "bursty")) {
            int sent = BURST + 5;
            client.sendBytes(pings(sent));
            int pongs = 0;
            int limited = 0;
            for (int i = 0; i < sent; i++) {
                ServerFrame frame = client.receive();
                if (frame instanceof ServerFrame.Pong) {
                    pongs++;
                } else {
                    ServerFrame.Error error = (ServerFrame.Error) frame;
                    assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(error.message()).contains("at most " + RATE + " frames per second");
                    assertThat(error.re()).isEqualTo("p" + i);
                    limited++;
                }
            }
            // The hello took one token of the burst; a few may flow back in while the burst is read.
            assertThat(pongs).as("pongs of a %d-frame burst", sent).isBetween(BURST - 1, BURST + 2);
            assertThat(limited).isEqualTo(sent - pongs);
            awaitPongAfterAPause(client);
        }
    }

    @Test
    void sustainedAbuseIsCutWithByeAndOnlyTheAbuserNotices() {
        try (RawClient bystander = RawClient.registered(server.port(), "bystander");
             RawClient abuser = RawClient.registered(server.port(), "abuser")) {
            bystander.awaitPresence("abuser", PresenceEvent.JOIN);
            abuser.sendBytes(pings(BURST + TOLERANCE + 100));
            List<ServerFrame> frames = abuser.readUntilClosed();
            assertThat(frames.get(frames.size() - 1)).isEqualTo(new ServerFrame.Bye("rate limit exceeded", null));
            long limited = frames.stream()
                    .filter(frame -> frame instanceof ServerFrame.Error error && error.code() == ErrorCode.RATE_LIMITED)
                    .count();
            assertThat(limited).isBetween((long) TOLERANCE, (long) TOLERANCE + 5);
            assertThat(bystander.awaitPresence("abuser", PresenceEvent.QUIT).reason()).isEqualTo("rate limit exceeded");
            bystander.assertAlive("unharmed");
        }
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
