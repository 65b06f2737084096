package chat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the codec answers with a request or with an error the client can
 * read, and never throws; whatever a client library encodes, the server reads back unchanged.
 */
class CodecFuzzTest {

    private final FrameCodec codec = new FrameCodec();

    enum Damage { FLIP, INSERT, DELETE, TRUNCATE }

    /** A well-formed frame, and one byte of it changed, added, removed, or where it is cut short. */
    record DamagedFrame(ClientFrame frame, Damage damage, int where, byte value) {

        static DamagedFrame any(Random random) {
            return new DamagedFrame(Generated.clientFrame(random), Generated.oneOf(random, List.of(Damage.values())),
                    Generated.between(random, 0, 10_000), Generated.anyByte(random));
        }
    }

    /** A line of JSON-like text and a message with one byte overwritten, both as a server might send them. */
    record ServerLines(String line, ServerFrame.Message message, int where, byte value) {

        static ServerLines any(Random random) {
            return new ServerLines(Generated.jsonIsh(random), Generated.message(random),
                    Generated.between(random, 0, 10_000), Generated.anyByte(random));
        }
    }

    @Test
    void randomBytesGetARequestOrAnError() {
        Tries.forAll(10_001L, random -> Generated.bytes(random, 0, 300),
                line -> assertAnsweredCleanly(codec.decodeRequest(line)));
    }

    @Test
    void jsonLikeLinesGetARequestOrAnError() {
        Tries.forAll(10_002L, Generated::jsonIsh, line -> {
            assertAnsweredCleanly(codec.decodeRequest(line.getBytes(UTF_8)));
            assertAnsweredCleanly(codec.decodeRequest(line));
        });
    }

    @Test
    void aDamagedFrameGetsARequestOrAnError() {
        Tries.forAll(10_003L, DamagedFrame::any, damagedFrame -> {
            byte[] line = Wire.withoutNewline(codec.encode(damagedFrame.frame()));
            int at = damagedFrame.where() % (line.length + 1);
            byte value = damagedFrame.value();
            byte[] damaged = switch (damagedFrame.damage()) {
                case FLIP -> flip(line, Math.min(at, line.length - 1), value);
                case INSERT -> insert(line, at, value);
                case DELETE -> delete(line, Math.min(at, line.length - 1));
                case TRUNCATE -> Arrays.copyOf(line, at);
            };

            assertAnsweredCleanly(codec.decodeRequest(damaged));
        });
    }

    @Test
    void whatAClientEncodesTheServerReadsBackUnchanged() {
        Tries.forAll(10_004L, Generated::clientFrame, frame -> {
            byte[] encoded = codec.encode(frame);

            assertThat(encoded[encoded.length - 1]).isEqualTo((byte) '\n');
            assertThat(codec.decodeRequest(Wire.withoutNewline(encoded))).isEqualTo(new Decoded.Request(frame));
        });
    }

    @Test
    void whatTheServerEncodesAClientReadsBackUnchanged() {
        Tries.forAll(10_005L, Generated::message, message -> {
            byte[] encoded = codec.encode(message);
            byte[] line = Wire.withoutNewline(encoded);

            assertThat(encoded[encoded.length - 1]).isEqualTo((byte) '\n');
            assertThat(line).doesNotContain((byte) '\n', (byte) '\r');
            assertThat(codec.decodeServerFrame(line)).isEqualTo(message);
        });
    }

    @Test
    void aClientGetsAFrameOrAProtocolExceptionFromAnyServerLine() {
        Tries.forAll(10_006L, ServerLines::any, serverLines -> {
            byte[] damaged = flip(Wire.withoutNewline(codec.encode(serverLines.message())), serverLines.where() % 40,
                    serverLines.value());

            for (byte[] serverLine : new byte[][] {serverLines.line().getBytes(UTF_8), damaged}) {
                try {
                    assertThat(codec.decodeServerFrame(serverLine)).isNotNull();
                } catch (ProtocolException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        });
    }

    /**
     * A request is one the codec would read the same way again; an error has a known code,
     * answers only a valid id, and encodes to a frame the client reads back as the same error.
     */
    private void assertAnsweredCleanly(Decoded decoded) {
        assertThat(decoded).isInstanceOfAny(Decoded.Request.class, Decoded.Rejected.class);
        if (decoded instanceof Decoded.Request request) {
            assertThat(codec.decodeRequest(Wire.withoutNewline(codec.encode(request.frame())))).isEqualTo(decoded);
        } else if (decoded instanceof Decoded.Rejected rejected) {
            assertThat(rejected.code()).isIn(ErrorCode.BAD_FRAME, ErrorCode.BAD_REQUEST, ErrorCode.UNKNOWN_TYPE);
            assertThat(rejected.message()).isNotBlank();
            if (rejected.re() != null) {
                assertThat(rejected.re().length()).isBetween(1, 64);
            }
            byte[] errorFrame = codec.encode(rejected.toFrame());
            try {
                assertThat(codec.decodeServerFrame(Wire.withoutNewline(errorFrame))).isEqualTo(rejected.toFrame());
            } catch (ProtocolException e) {
                throw new AssertionError("the client cannot read its own error: " + new String(errorFrame, UTF_8), e);
            }
        }
    }

    private static byte[] flip(byte[] line, int at, byte value) {
        byte[] out = line.clone();
        out[at] = value;
        return out;
    }

    private static byte[] insert(byte[] line, int at, byte value) {
        byte[] out = new byte[line.length + 1];
        System.arraycopy(line, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(line, at, out, at + 1, line.length - at);
        return out;
    }

    private static byte[] delete(byte[] line, int at) {
        byte[] out = new byte[line.length - 1];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(line, at + 1, out, at, line.length - at - 1);
        return out;
    }
}
