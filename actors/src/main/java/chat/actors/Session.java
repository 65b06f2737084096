package chat.actors;

import chat.actors.room.Identity;
import chat.actors.session.TokenBucket;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session keeps from its first frame to its last, whatever its phase: its wiring, its
 * outbound frames, its request gate, its nick and rooms; and what every phase does alike: send,
 * check the rate, and start closing.
 */
final class Session {

    /**
     * A plain logger, not the actor context's: the context's logger sets and clears the MDC around
     * every message, a cost paid for every delivery once it has been used.
     */
    static final Logger LOG = LoggerFactory.getLogger(SessionActor.class);

    final ActorContext<SessionActor.Command> context;
    final TimerScheduler<SessionActor.Command> timers;
    final ChatSettings settings;
    final ActorRef<RegistryActor.Command> registry;
    final RoomRefs roomRefs;
    final String peer;
    final ActorRef<SessionActor.Reply> self;
    final SessionOutbound outbound;
    final SessionRequestGate gate;
    final Map<String, RecipientRef<RoomActor.Command>> rooms = new HashMap<>();
    final TokenBucket rate;
    final TokenBucket patience;
    String nick;
    String nickKey;
    /** The account the session is logged in to (its spelling), or null for a guest. */
    String account;
    /**
     * Null until the session starts closing; then the behaviour every later message goes to: the
     * closing phase, or the end.
     */
    private Behavior<SessionActor.Command> afterCloseStarted;

    Session(ActorContext<SessionActor.Command> context, TimerScheduler<SessionActor.Command> timers,
            ChatSettings settings, ActorRef<RegistryActor.Command> registry, RoomRefs roomRefs, String peer) {
        this.context = context;
        this.timers = timers;
        this.settings = settings;
        this.registry = registry;
        this.roomRefs = roomRefs;
        this.peer = peer;
        this.self = context.getSelf().narrow();
        this.outbound = new SessionOutbound();
        this.gate = new SessionRequestGate(timers, settings.limits(), context.getSelf(), outbound);
        long now = System.nanoTime();
        this.rate = new TokenBucket(settings.limits().rate(), settings.limits().burst(), now);
        this.patience = new TokenBucket(settings.limits().rate(), settings.limits().rateAbuseTolerance(), now);
        timers.startSingleTimer(SessionActor.Tick.REGISTER_TIMEOUT, settings.limits().registerTimeout());
        LOG.info("connect {}", peer);
    }

    /** Who the session is, as its rooms judge it. */
    Identity identity() {
        return account == null ? Identity.GUEST : new Identity(account, settings.isOperator(account));
    }

    /** Queues a frame for the client, unless the session is closing. */
    void send(ServerFrame frame) {
        if (afterCloseStarted == null) {
            outbound.offer(frame);
        }
    }

    void sendError(ErrorCode code, String message, String re) {
        send(new ServerFrame.Error(code, message, re));
    }

    void connect(SessionActor.Connected connected) {
        outbound.connect(connected.outlet());
        connected.inboundAck().tell(SessionActor.Ack.INSTANCE);
    }

    boolean isClosing() {
        return afterCloseStarted != null;
    }

    /** Once a close has started: the behaviour every later message goes to. */
    Behavior<SessionActor.Command> afterCloseStarted() {
        return afterCloseStarted;
    }

    Behavior<SessionActor.Command> sayByeAndClose(String reason, String re) {
        return closeWith(new ServerFrame.Bye(reason, re), reason);
    }

    /** Sends {@code last} as the client's last frame (nothing its rooms offer later follows it), then closes. */
    Behavior<SessionActor.Command> closeWith(ServerFrame last, String reason) {
        if (afterCloseStarted == null) {
            outbound.offerLast(last);
        }
        return closeAfterFlush(reason);
    }

    /** Leaves every room, frees the nick, and closes once the queued frames are written. */
    Behavior<SessionActor.Command> closeAfterFlush(String reason) {
        return startClosing(reason, false);
    }

    /** The peer hung up (or the connection broke): what is queued still goes out if it can. */
    Behavior<SessionActor.Command> peerGone(String reason) {
        return startClosing(reason, true);
    }

    private Behavior<SessionActor.Command> startClosing(String reason, boolean peerGone) {
        if (afterCloseStarted != null) {
            return afterCloseStarted;
        }
        SessionClosing closing = new SessionClosing(this, reason);
        afterCloseStarted = closing;
        leaveEverything(reason);
        timers.startSingleTimer(SessionActor.Tick.LINGER_EXPIRED, settings.limits().linger());
        afterCloseStarted = peerGone ? closing.onPeerGone() : closing.proceed();
        return afterCloseStarted;
    }

    /** Ends the session's part in the chat: from here on it only finishes its connection. */
    private void leaveEverything(String reason) {
        LOG.info("disconnect {}{}: {}", peer, nick == null ? "" : " (" + nick + ")", reason);
        timers.cancel(SessionActor.Tick.SILENCE);
        timers.cancel(SessionActor.Tick.REGISTER_TIMEOUT);
        rooms.values().forEach(room -> room.tell(new RoomActor.Quit(self, reason)));
        rooms.clear();
        if (nickKey != null) {
            registry.tell(new RegistryActor.ReleaseNick(nickKey, self));
        }
        registry.tell(new RegistryActor.SessionClosing(context.getSelf()));
        gate.release(true);
    }

    /** The session stopped before it closed: it failed. Nobody is left with a ghost of it. */
    void stoppedWhileOpen() {
        if (afterCloseStarted == null) {
            leaveEverything("session failed");
        }
        outbound.resetUnlessClosed("session stopped");
    }
}
