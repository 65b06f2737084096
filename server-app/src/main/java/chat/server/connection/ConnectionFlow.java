package chat.server.connection;

import chat.actors.ChatSettings;
import chat.actors.ConnectionOutlet;
import chat.actors.RegistryActor;
import chat.actors.SessionActor;
import chat.protocol.Decoded;
import chat.protocol.ServerFrame;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.util.ByteString;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the byte flow of one TCP connection: inbound bytes are framed and decoded and enter the
 * session with backpressure; the frames of the session and its rooms leave through an
 * {@link OutletSource}, whose queue is bounded (a client that does not read is cut). Nothing is
 * buffered without bound.
 */
public final class ConnectionFlow {

    private final WireProtocol wire;
    private final ChatSettings.Limits limits;

    /**
     * {@code wire} is the connections' protocol both ways; {@code limits} bound what may wait for
     * a client and how long a close waits for the peer.
     */
    public ConnectionFlow(WireProtocol wire, ChatSettings.Limits limits) {
        this.wire = wire;
        this.limits = limits;
    }

    /** The flow of a connection from {@code address} that the registry admitted, or turned away. */
    public Flow<ByteString, ByteString, NotUsed> forAdmission(RegistryActor.Admission admission, String address) {
        if (admission instanceof RegistryActor.Admitted admitted) {
            return forSession(admitted.session(), wire.open(address));
        }
        ServerFrame farewell = ((RegistryActor.Refused) admission).farewell();
        return Flow.fromSinkAndSource(Sink.ignore(),
                Source.single(ByteString.fromArrayUnsafe(wire.refusal(farewell, address))));
    }

    /**
     * Both halves are materialized together, in the connection's one stream: the outlet is known
     * once the graph is materialized, before any stage starts, so the inbound half's first message
     * can hand it to the session.
     */
    private Flow<ByteString, ByteString, NotUsed> forSession(ActorRef<SessionActor.Command> session,
                                                            WireProtocol.Connection connection) {
        AtomicReference<ConnectionOutlet> outlet = new AtomicReference<>();
        Source<ByteString, NotUsed> outbound = Source.fromGraph(new OutletSource(session, limits, connection.encoder()))
                .mapMaterializedValue(materialized -> {
                    outlet.set(materialized);
                    return NotUsed.getInstance();
                });

        Sink<Decoded, NotUsed> intoSession = ActorSink.<Decoded, SessionActor.Command, SessionActor.Ack>actorRefWithBackpressure(
                session,
                (ack, decoded) -> new SessionActor.Received(decoded, ack),
                ack -> new SessionActor.Connected(Objects.requireNonNull(outlet.get(), "outlet not materialized"), ack),
                SessionActor.Ack.INSTANCE,
                new SessionActor.ConnectionLost("connection closed"),
                failure -> new SessionActor.ConnectionLost("connection lost: " + failure.getMessage()));
        // The connection's decoder is used by this one stream, which is materialized once.
        Sink<ByteString, NotUsed> inbound = Flow.of(ByteString.class)
                .statefulMapConcat(() -> chunk -> connection.decode(chunk, outlet.get()))
                .to(intoSession);
        return Flow.fromSinkAndSource(inbound, outbound);
    }

    /** Fails the outbound stream so the connection is reset instead of flushed. */
    static final class ConnectionAborted extends RuntimeException {
        ConnectionAborted(String reason) {
            super(reason, null, false, false);
        }
    }
}
