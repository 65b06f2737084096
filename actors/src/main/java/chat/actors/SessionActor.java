package chat.actors;

import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One client connection: registration, the requests of a registered client, heartbeat, rate
 * limit and the limits on what waits for the client. It never touches a socket: frames arrive
 * decoded in {@link Received}, and frames leave through the {@link ConnectionOutlet} that stands
 * for the connection, which encodes them in its wire protocol. Its node's {@link NodeFanOut}
 * writes its rooms' events to that outlet; the session only hears of what concerns its own requests.
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
    public sealed interface Reply extends Command, CborSerializable {}

    /**
     * The connection is ready: {@code outlet} takes outbound bytes, {@code inboundAck} the first
     * ack. Local only: the outlet is the socket's handle (see {@link ConnectionOutlet}).
     */
    public record Connected(ConnectionOutlet outlet, ActorRef<Ack> inboundAck) implements Command, LocalOnly {}

    /** One decoded inbound line; the session acknowledges it on {@code ack} when ready for the next. */
    public record Received(Decoded decoded, ActorRef<Ack> ack) implements Command, LocalOnly {}

    /** The outlet's queue fell below what {@link ConnectionOutlet#notifyWhenBelow} asked for. */
    public enum Drained implements Command, LocalOnly { INSTANCE }

    /** The inbound side ended: the peer closed the socket or the connection failed. */
    public record ConnectionLost(String reason) implements Command, LocalOnly {}

    /** The server is stopping: say {@code bye} and close. */
    public record ServerShutdown() implements Command, LocalOnly {}

    /** The ack a session gives for each {@link Received}. */
    public enum Ack implements LocalOnly { INSTANCE }

    public record NickClaimed(String nick, String key, String re) implements Reply {}

    public record NickRefused(ErrorCode code, String message, String re) implements Reply {}

    /**
     * The session may go on to claim {@code nick}: as a guest ({@code account} null), or logged in
     * to {@code account}, whose spelling {@code nick} then is.
     */
    public record LoginChecked(String account, String nick, String re) implements Reply {}

    /** A password the session gave was not that of account {@code account} (its key); its address counts one failure more. */
    public record WrongPassword(String account, String message, String re) implements Reply {}

    /** The session's nick is now the account {@code account}, and the session is logged in to it. */
    public record AccountRegistered(String account, String re) implements Reply {}

    /**
     * {@code keeper}, the nick's actor, keeps the session's nick {@code nick} (folded {@code key}).
     * The session's node learns it, to claim the nick back should the keeper's node die; a nick
     * the session no longer holds (it was renamed meanwhile) is let go.
     */
    public record NickKept(String nick, String key, ActorRef<NickActor.Command> keeper) implements Reply {}

    /**
     * The session's nick (folded {@code key}) went to someone who held it before: the nick's record
     * was lost (its node died, or its shard moved), this session claimed it in the meantime, and
     * the holder's node then claimed it back.
     */
    public record NickLost(String nick, String key) implements Reply {}

    /** The session is no longer in room {@code roomKey}: it was kicked out. */
    public record RoomLeft(String roomKey) implements Reply {}

    /** A server operator disconnects this session: {@code reason} is its farewell. */
    public record Killed(String reason) implements Reply {}

    /** The room's {@code joined} snapshot is on the connection, and its events will follow it there. */
    public record RoomJoined(String roomKey) implements Reply, LocalOnly {}

    /** The answer to the request in progress, for the session to write. */
    public record Answer(ServerFrame frame) implements Reply {}

    /**
     * The room wrote the answer to the request in progress to the connection itself (a line's echo,
     * a topic), in its place among the room's events: the next request may come.
     */
    public enum AnswerWritten implements Reply { INSTANCE }

    /** The client fell so far behind that its connection dropped what waited for it: it is cut as a slow consumer. */
    public enum FellBehind implements Command, LocalOnly { INSTANCE }

    /** Timers, which the session sets for itself. */
    enum Tick implements Command, LocalOnly { REGISTER_TIMEOUT, SILENCE, LINGER_EXPIRED, ANSWER_TIMEOUT }

    static final String SHUTTING_DOWN = "server shutting down";

    private SessionActor() {}

    public static Behavior<Command> create(ChatSettings settings, ActorRef<RegistryActor.Command> registry,
                                           RoomRefs roomRefs, String peer) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new SessionAwaitingHello(new Session(context, timers, settings, registry, roomRefs, peer))));
    }
}
