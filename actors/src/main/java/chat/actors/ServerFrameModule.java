package chat.actors;

import chat.protocol.ServerFrame;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Lets Pekko's Jackson serializer carry a {@link ServerFrame} between nodes, where a message
 * holds one by its interface (an answer, an event for a node's fan-out): each frame is written
 * with its record's name, so the other node rebuilds the same record. The wire protocol's own
 * codec never sees this; it is registered for the {@code jackson-cbor} binding only
 * (reference.conf).
 */
public final class ServerFrameModule extends SimpleModule {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "frame")
    private interface NamedFrame {}

    public ServerFrameModule() {
        super("chat-server-frames");
        setMixInAnnotation(ServerFrame.class, NamedFrame.class);
        for (Class<?> frame : ServerFrame.class.getPermittedSubclasses()) {
            registerSubtypes(new NamedType(frame, frame.getSimpleName()));
        }
    }
}
