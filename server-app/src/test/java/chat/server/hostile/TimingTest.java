package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, item 5: clients that stall are cut by the clock, never kept forever. Timeouts are one
 * second here so the test is quick; the mechanism is the one the defaults use.
 */
class TimingTest {

    private static final Duration DRIP = Duration.ofMillis(250);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("chat.limits.register-timeout = 1s", "chat.heartbeat = 1s", "chat.limits.linger = 1s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatNeverSaysHelloIsCutAtTheRegistrationTimeout() {
        try (RawClient silent = RawClient.connect(server.port())) {
            long start = System.nanoTime();
            silent.assertByeAndClose("registration timeout: no hello within 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
        }
    }

    @Test
    void aSlowlorisHelloOneByteAtATimeIsCutAtTheRegistrationTimeout() throws Exception {
        try (RawClient slowloris = RawClient.connect(server.port())) {
            byte[] hello = "{\"type\":\"hello\",\"nick\":\"slowloris\"}".getBytes(StandardCharsets.UTF_8);
            Thread dripper = startDripping(slowloris, hello);
            slowloris.assertByeAndClose("registration timeout: no hello within 1 s");
            dripper.join();
        }
    }

    @Test
    void aRegisteredSlowlorisThatNeverFinishesAFrameIsCutAtTheHeartbeat() throws Exception {
        try (RawClient slowloris = RawClient.registered(server.port(), "drip")) {
            byte[] say = "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a very long time\"}".getBytes(StandardCharsets.UTF_8);
            Thread dripper = startDripping(slowloris, say);
            assertThat(slowloris.receive()).isEqualTo(new ServerFrame.Ping());
            slowloris.assertByeAndClose("ping timeout");
            dripper.join();
        }
    }

    @Test
    void aSilentClientIsPingedThenCutAndItsRoomSeesItQuitWhileALiveOneStays() {
        try (RawClient alive = RawClient.registered(server.port(), "alive");
             RawClient silent = RawClient.registered(server.port(), "silent")) {
            answerPingsUntil(alive, "silent", PresenceEvent.JOIN);
            assertThat(answerPingsUntil(alive, "silent", PresenceEvent.QUIT))
                    .isEqualTo(new ServerFrame.Presence("lobby", "silent", PresenceEvent.QUIT, null, "ping timeout"));
            assertThat(silent.receive()).isEqualTo(new ServerFrame.Ping());
            silent.assertByeAndClose("ping timeout");
            for (int heartbeat = 0; heartbeat < 2; heartbeat++) {
                assertThat(alive.receive()).isEqualTo(new ServerFrame.Ping());
                alive.send(new ClientFrame.Pong(null));
            }
            alive.assertAlive("outlived two more heartbeats");
        }
    }

    /** Answers each server ping as a live client does, until {@code nick}'s {@code event}; other frames fail the test. */
    private static ServerFrame.Presence answerPingsUntil(RawClient client, String nick, PresenceEvent event) {
        while (true) {
            ServerFrame frame = client.receiveAny();
            if (frame instanceof ServerFrame.Ping) {
                client.send(new ClientFrame.Pong(null));
            } else if (frame instanceof ServerFrame.Presence presence) {
                if (presence.nick().equals(nick) && presence.event() == event) {
                    return presence;
                }
            } else {
                throw new AssertionError("expected pings until " + nick + " " + event.wire() + ", got " + frame);
            }
        }
    }

    @Test
    void beforeHelloTheFrameLimitIsSmaller() {
        String padded = "{\"type\":\"hello\",\"nick\":\"big\",\"client\":\"" + "x".repeat(4200) + "\"}";
        try (RawClient anonymous = RawClient.connect(server.port())) {
            anonymous.sendLine(padded);
            ServerFrame.Error tooLong = anonymous.receiveError(ErrorCode.FRAME_TOO_LONG);
            assertThat(tooLong.message()).contains("4096");
            assertThat(anonymous.readUntilClosed()).isEmpty();
        }
        try (RawClient registered = RawClient.registered(server.port(), "big")) {
            registered.sendLine(padded);
            registered.receiveError(ErrorCode.ALREADY_REGISTERED);
            registered.assertAlive("a 1 KiB frame is fine after hello");
        }
    }

    private static Thread startDripping(RawClient client, byte[] bytes) {
        Thread dripper = new Thread(() -> drip(client, bytes), "dripper");
        dripper.start();
        return dripper;
    }

    private static void drip(RawClient client, byte[] bytes) {
        try {
            for (byte b : bytes) {
                client.sendBytes(new byte[] {b});
                Thread.sleep(DRIP.toMillis());
            }
        } catch (RuntimeException | InterruptedException e) {
            // The server hung up mid-drip, which is what the test expects.
        }
    }
}
