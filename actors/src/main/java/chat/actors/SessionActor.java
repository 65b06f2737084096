package chat.actors;

import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.util.ByteString;

/**
 * One client connection: registration, the requests of a registered client, heartbeat, rate
 * limit and the limits on what waits for the client. It never touches a socket: frames arrive
 * decoded in {@link Received}, and bytes leave through the {@link ConnectionOutlet} that stands
 * for the connection.
 *
 * <p>A session is one behaviour per phase: {@link SessionAwaitingHello} until the nick is
 * claimed, {@link SessionActive} while the client chats, {@link SessionClosing} from the first
 * step of leaving to the end of the connection. What they share is a {@link Session}: the
 * {@link SessionOutbound} that counts what waits for the client, and the
 * {@link SessionRequestGate} that lets requests in one at a time, so a client's answers come in
 * the order of its requests.
 */
public final class SessionActor {

    public sealed interface Command {}

    /** What rooms and the registry send back to a session. */
    public sealed interface Reply extends Command {}

    /**
     * The connection is ready: {@code outlet} takes outbound bytes, {@code inboundAck} the first
     * ack. Local only: the outlet is the socket's handle (see {@link ConnectionOutlet}).
     */
    public record Connected(ConnectionOutlet outlet, ActorRef<Ack> inboundAck) implements Command {}

    /** One decoded inbound line; the session acknowledges it on {@code ack} when ready for the next. */
    public record Received(Decoded decoded, ActorRef<Ack> ack) implements Command {}

    /** The outlet's queue fell below what {@link ConnectionOutlet#notifyWhenBelow} asked for. */
    public enum Drained implements Command { INSTANCE }

    /** The inbound side ended: the peer closed the socket or the connection failed. */
    public record ConnectionLost(String reason) implements Command {}

    /** The server is stopping: say {@code bye} and close. */
    public record ServerShutdown() implements Command {}

    /** The ack a session gives for each {@link Received}. */
    public enum Ack { INSTANCE }

    public record NickClaimed(String nick, String key, String re) implements Reply {}

    public record NickRefused(ErrorCode code, String message, String re) implements Reply {}

    public record RoomJoined(String roomKey, ActorRef<RoomActor.Command> room, ByteString frame) implements Reply {}

    /** The answer to the request in progress. */
    public record Answer(ByteString frame, int frames) implements Reply {
        public Answer(ByteString frame) {
            this(frame, 1);
        }
    }

    /** A frame nobody asked for; {@code roomKey} names its room, or is null for whispers. */
    public record Deliver(String roomKey, ByteString frame, int frames) implements Reply {
        public Deliver(String roomKey, ByteString frame) {
            this(roomKey, frame, 1);
        }
    }

    /** Timers, which the session sets for itself. */
    enum Tick implements Command { REGISTER_TIMEOUT, SILENCE, LINGER_EXPIRED, ANSWER_TIMEOUT }

    static final String SHUTTING_DOWN = "server shutting down";

    private SessionActor() {}

    public static Behavior<Command> create(ChatSettings settings, ActorRef<RegistryActor.Command> registry,
                                           String peer) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new SessionAwaitingHello(new Session(context, timers, settings, registry, peer))));
    }
}
