package chat.actors;

import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import org.apache.pekko.util.ByteString;

/** Encodes server frames into the bytes actors pass around, so each frame is encoded once. */
public final class Wire {

    private static final FrameCodec CODEC = new FrameCodec();

    private Wire() {}

    public static ByteString bytes(ServerFrame frame) {
        return ByteString.fromArrayUnsafe(CODEC.encode(frame));
    }
}
