package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, item 9 through the whole pipeline over TCP (line splitter, decoder, session): each
 * connection gets a burst of requests, some intact, most damaged (a flipped byte, a cut, a
 * doubled piece) or replaced by raw bytes. Every frame the server writes must decode strictly;
 * every connection must still answer a final ping, or have said bye because a fuzzed line asked
 * it to; and afterwards no session or nick is left. All {@link #CONNECTIONS} cases come from a
 * fixed seed and every run tries all of them, so a failure, which names the seed and the
 * connection, happens again on the next run. There is no time bound: a run cut short would pass
 * untried cases.
 */
class TcpFuzzTest {

    private static final long SEED = 0x7C9F_0221L;
    private static final int CONNECTIONS = 60;
    private static final int LINES_PER_CONNECTION = 40;
    private static final int MAX_RAW_BYTES = 200;
    private static final FrameCodec CODEC = new FrameCodec();
    private static final List<String> WORDS = List.of("lobby", "LOBBY", "fuzz", "alice", "\u0430lice", "小明", "",
            "a b", "\u202Eevil", "x".repeat(40), "\u0000", "😀");

    @Test
    void damagedRequestsNeverStallAConnectionNorLeaveAnythingBehind() {
        try (TestServer server = TestServer.start("chat.limits.rate = 1000", "chat.limits.burst = 1000")) {
            Random random = new Random(SEED);
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                byte[] burst = burst(random, connection);
                try (RawClient client = RawClient.connect(server.port())) {
                    client.sendBytes(burst);
                    client.send(new ClientFrame.Ping("final"));
                    assertAnsweredOrLawfullyClosed(client);
                } catch (AssertionError failure) {
                    throw new AssertionError("seed " + SEED + ", connection " + (connection + 1) + " of " + CONNECTIONS + " after "
                            + new String(burst, java.nio.charset.StandardCharsets.UTF_8) + "\n" + failure.getMessage(), failure);
                }
            }
            TestServer.Eventually.equal("sessions and nicks left", List.of(0, 0),
                    () -> List.of(server.stats().sessions(), server.stats().nicks()), Duration.ofSeconds(15));
        }
    }

    /** Until the final ping's answer (a pong, or not-registered before hello), or a bye the client asked for. */
    private static void assertAnsweredOrLawfullyClosed(RawClient client) {
        while (true) {
            ServerFrame frame = client.receive();
            if (frame instanceof ServerFrame.Bye bye) {
                assertThat(bye.reason()).isEqualTo("client quit");
                client.readUntilClosed();
                return;
            }
            if (frame instanceof ServerFrame.Pong pong && "final".equals(pong.re())
                    || frame instanceof ServerFrame.Error error && "final".equals(error.re())) {
                return;
            }
        }
    }

    private static byte[] burst(Random random, int connection) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            bytes.writeBytes(CODEC.encode(new ClientFrame.Hello(null, "fuzz" + connection, 1, null)));
        }
        for (int i = 0; i < LINES_PER_CONNECTION; i++) {
            byte[] line = damaged(random, request(random));
            bytes.writeBytes(line);
            bytes.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        return bytes.toByteArray();
    }

    private static byte[] request(Random random) {
        String word = WORDS.get(random.nextInt(WORDS.size()));
        String id = random.nextBoolean() ? null : "r" + random.nextInt(1000);
        ClientFrame frame = switch (random.nextInt(12)) {
            case 0 -> new ClientFrame.Hello(id, word, random.nextBoolean() ? 1 : random.nextInt(5), word);
            case 1 -> new ClientFrame.Join(id, word, random.nextBoolean() ? null : (long) random.nextInt(5));
            case 2 -> new ClientFrame.Leave(id, word);
            case 3 -> new ClientFrame.Say(id, word, word + random.nextInt());
            case 4 -> new ClientFrame.Whisper(id, word, word);
            case 5 -> new ClientFrame.Nick(id, word);
            case 6 -> new ClientFrame.Topic(id, word, word);
            case 7 -> new ClientFrame.Who(id, word);
            case 8 -> new ClientFrame.History(id, word, random.nextBoolean() ? null : (long) random.nextInt(5) + 1,
                    random.nextBoolean() ? null : random.nextInt(200) + 1);
            case 9 -> new ClientFrame.Rooms(id);
            case 10 -> random.nextInt(20) == 0 ? new ClientFrame.Bye(id, null) : new ClientFrame.Ping(id);
            default -> new ClientFrame.Pong(id);
        };
        byte[] encoded = CODEC.encode(frame);
        return Arrays.copyOf(encoded, encoded.length - 1);
    }

    /** Intact a quarter of the time; otherwise flipped, cut, doubled or replaced by raw bytes. */
    private static byte[] damaged(Random random, byte[] line) {
        byte[] result = switch (random.nextInt(5)) {
            case 0 -> line;
            case 1 -> {
                byte[] flipped = line.clone();
                flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case 2 -> Arrays.copyOf(line, random.nextInt(line.length));
            case 3 -> {
                int from = random.nextInt(line.length);
                ByteArrayOutputStream doubled = new ByteArrayOutputStream();
                doubled.write(line, 0, from);
                doubled.write(line, from, line.length - from);
                doubled.write(line, from, line.length - from);
                yield doubled.toByteArray();
            }
            default -> {
                byte[] raw = new byte[1 + random.nextInt(MAX_RAW_BYTES)];
                random.nextBytes(raw);
                yield raw;
            }
        };
        for (int i = 0; i < result.length; i++) {
            if (result[i] == '\n') {
                result[i] = ' ';
            }
        }
        return result;
    }
}
