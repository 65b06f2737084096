package chat.server.connection;

import chat.actors.ChatSettings;
import chat.actors.ConnectionOutlet;
import chat.protocol.ConnectionEncoder;
import chat.protocol.Decoded;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import java.util.List;
import org.apache.pekko.util.ByteString;

/** Protocol v1, JSON lines: one codec for every connection, which word nothing per client. */
public final class JsonWire implements WireProtocol {

    private final FrameCodec codec = new FrameCodec();
    private final ChatSettings.Limits limits;

    public JsonWire(ChatSettings.Limits limits) {
        this.limits = limits;
    }

    @Override
    public Connection open(String address) {
        InboundDecoder decoder = new InboundDecoder(codec, limits.maxFrameBytesUnregistered(), limits.maxFrameBytes());
        return new Connection() {
            @Override
            public ConnectionEncoder encoder() {
                return codec;
            }

            @Override
            public List<Decoded> decode(ByteString chunk, ConnectionOutlet outlet) {
                return decoder.decode(chunk);
            }
        };
    }

    @Override
    public byte[] refusal(ServerFrame farewell, String address) {
        return codec.encode(farewell);
    }
}
