package chat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a client sends, the codec answers with a request or with an error the client can
 * read, and never throws; whatever a client library encodes, the server reads back unchanged.
 */
class CodecFuzzTest {

    private static final int TRIES = 2000;

    private final FrameCodec codec = new FrameCodec();

    enum Damage { FLIP, INSERT, DELETE, TRUNCATE }

    @Provide
    Arbitrary<ClientFrame> clientFrames() {
        return Generated.clientFrame();
    }

    @Provide
    Arbitrary<String> jsonIsh() {
        return Generated.jsonIsh();
    }

    @Provide
    Arbitrary<ServerFrame.Message> messages() {
        return Generated.message();
    }

    @Property(tries = TRIES)
    void randomBytesGetARequestOrAnError(@ForAll @Size(max = 300) byte[] line) {
        assertAnsweredCleanly(codec.decodeRequest(line));
    }

    @Property(tries = TRIES)
    void jsonLikeLinesGetARequestOrAnError(@ForAll("jsonIsh") String line) {
        assertAnsweredCleanly(codec.decodeRequest(line.getBytes(UTF_8)));
        assertAnsweredCleanly(codec.decodeRequest(line));
    }

    @Property(tries = TRIES)
    void aDamagedFrameGetsARequestOrAnError(@ForAll("clientFrames") ClientFrame frame, @ForAll Damage damage,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll byte value) {
        byte[] line = Wire.withoutNewline(codec.encode(frame));
        int at = where % (line.length + 1);
        byte[] damaged = switch (damage) {
            case FLIP -> flip(line, Math.min(at, line.length - 1), value);
            case INSERT -> insert(line, at, value);
            case DELETE -> delete(line, Math.min(at, line.length - 1));
            case TRUNCATE -> java.util.Arrays.copyOf(line, at);
        };

        assertAnsweredCleanly(codec.decodeRequest(damaged));
    }

    @Property(tries = TRIES)
    void whatAClientEncodesTheServerReadsBackUnchanged(@ForAll("clientFrames") ClientFrame frame) {
        byte[] encoded = codec.encode(frame);

        assertThat(encoded[encoded.length - 1]).isEqualTo((byte) '\n');
        assertThat(codec.decodeRequest(Wire.withoutNewline(encoded))).isEqualTo(new Decoded.Request(frame));
    }

    @Property(tries = TRIES)
    void whatTheServerEncodesAClientReadsBackUnchanged(@ForAll("messages") ServerFrame.Message message)
            throws ProtocolException {
        byte[] encoded = codec.encode(message);
        byte[] line = Wire.withoutNewline(encoded);

        assertThat(encoded[encoded.length - 1]).isEqualTo((byte) '\n');
        assertThat(line).doesNotContain((byte) '\n', (byte) '\r');
        assertThat(codec.decodeServerFrame(line)).isEqualTo(message);
    }

    @Property(tries = TRIES)
    void aClientGetsAFrameOrAProtocolExceptionFromAnyServerLine(@ForAll("jsonIsh") String line,
            @ForAll("messages") ServerFrame.Message message, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll byte value) {
        byte[] damaged = flip(Wire.withoutNewline(codec.encode(message)), where % 40, value);

        for (byte[] serverLine : new byte[][] {line.getBytes(UTF_8), damaged}) {
            try {
                assertThat(codec.decodeServerFrame(serverLine)).isNotNull();
            } catch (ProtocolException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
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
