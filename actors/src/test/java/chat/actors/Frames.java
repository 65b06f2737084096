package chat.actors;

import chat.protocol.FrameCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/** Reads the frames in bytes an actor sent, as a client would. */
final class Frames {

    private static final FrameCodec CODEC = new FrameCodec();

    private Frames() {}

    static List<ServerFrame> in(ByteString bytes) {
        List<ServerFrame> frames = new ArrayList<>();
        for (String line : bytes.decodeString(StandardCharsets.UTF_8).split("\n")) {
            try {
                frames.add(CODEC.decodeServerFrame(line));
            } catch (ProtocolException e) {
                throw new AssertionError("actor sent a bad frame: " + line, e);
            }
        }
        return frames;
    }

    static ServerFrame single(ByteString bytes) {
        List<ServerFrame> frames = in(bytes);
        if (frames.size() != 1) {
            throw new AssertionError("expected one frame, got " + frames);
        }
        return frames.get(0);
    }
}
