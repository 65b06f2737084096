package chat.server.connection;

import chat.protocol.ClientFrame;
import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import chat.protocol.FrameCodec;
import chat.protocol.LineSplitter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * The inbound half of one connection's pipeline: frame limit, then decode. Until the client has
 * said {@code hello} the frame limit is the smaller unregistered one, so an anonymous peer cannot
 * make the server buffer much. Not thread-safe: one per connection.
 */
public final class InboundDecoder {

    private final FrameCodec codec;
    private final LineSplitter splitter;
    private final int registeredLimit;
    private final List<Decoded> out = new ArrayList<>();
    private final LineSplitter.Sink sink = new LineSplitter.Sink() {
        @Override
        public void line(byte[] bytes) {
            Decoded decoded = codec.decodeRequest(bytes);
            if (decoded instanceof Decoded.Request request && request.frame() instanceof ClientFrame.Hello) {
                splitter.limit(registeredLimit);
            }
            out.add(decoded);
        }

        @Override
        public void tooLong(int limit) {
            out.add(new Decoded.Rejected(ErrorCode.FRAME_TOO_LONG,
                    "a frame may have at most " + limit + " bytes; closing the connection", null));
        }
    };

    public InboundDecoder(FrameCodec codec, int unregisteredLimit, int registeredLimit) {
        this.codec = codec;
        this.splitter = new LineSplitter(Math.min(unregisteredLimit, registeredLimit));
        this.registeredLimit = registeredLimit;
    }

    /** The frames completed by {@code chunk}, in order; a chunk may complete none. */
    public List<Decoded> decode(ByteString chunk) {
        out.clear();
        for (java.nio.ByteBuffer buffer : chunk.getByteBuffers()) {
            splitter.feed(buffer, sink);
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }
}
