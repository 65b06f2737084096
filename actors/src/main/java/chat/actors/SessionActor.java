package chat.actors;

import chat.actors.session.RegistrationRules;
import chat.actors.session.Spoken;
import chat.actors.session.TokenBucket;
import chat.protocol.ClientFrame;
import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import chat.protocol.TextRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.actor.typed.javadsl.AbstractMatchingBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: registration, the requests of a registered client, heartbeat, rate
 * limit and the limits on what waits for the client. It never touches a socket: frames arrive
 * decoded in {@link Received}, and bytes leave through the {@link ConnectionOutlet} that stands
 * for the connection.
 *
 * <p>Requests are handled one at a time: the ack for a {@link Received} is held until the
 * request's answer has arrived (from a room or the registry), so a client's answers come in the
 * order of its requests.
 */
public final class SessionActor extends AbstractMatchingBehavior<SessionActor.Command> {

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

    private enum Tick implements Command { REGISTER_TIMEOUT, SILENCE, LINGER_EXPIRED, ANSWER_TIMEOUT }

    private enum Phase { AWAITING_HELLO, ACTIVE, CLOSING }

    /**
     * A plain logger, not the actor context's: the context's logger sets and clears the MDC around
     * every message, a cost paid for every delivery once it has been used.
     */
    private static final Logger LOG = LoggerFactory.getLogger(SessionActor.class);
    private static final String CLIENT_QUIT = "client quit";
    static final String SHUTTING_DOWN = "server shutting down";

    private final ChatSettings settings;
    private final ActorRef<RegistryActor.Command> registry;
    private final String peer;
    private final TimerScheduler<Command> timers;
    private final ActorRef<Reply> self;
    private final TokenBucket rate;
    private final TokenBucket patience;
    private final Map<String, ActorRef<RoomActor.Command>> rooms = new HashMap<>();

    private Phase phase = Phase.AWAITING_HELLO;
    private ConnectionOutlet outlet;
    /** Frames written before the connection was ready: at most a bye, from a timeout or a shutdown. */
    private List<ByteString> beforeConnected;
    private boolean closeSent;
    private boolean peerGone;
    /** The input ended while a request still waited for its answer: the close waits for that answer. */
    private ConnectionLost lostWhileAnswering;
    private ActorRef<Ack> heldAck;
    /** Set by a handler that asked a room or the registry, which will answer this request. */
    private boolean awaitingAnswer;
    private boolean pinged;
    private String nick;
    private String nickKey;
    /** Why the session is closing: what a room that answers a join too late hears as the reason it quit. */
    private String closingReason;

    public static Behavior<Command> create(ChatSettings settings, ActorRef<RegistryActor.Command> registry,
                                           String peer) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new SessionActor(context, timers, settings, registry, peer)));
    }

    private SessionActor(ActorContext<Command> context, TimerScheduler<Command> timers, ChatSettings settings,
                         ActorRef<RegistryActor.Command> registry, String peer) {
        super(context);
        this.timers = timers;
        this.settings = settings;
        this.registry = registry;
        this.peer = peer;
        this.self = context.getSelf().narrow();
        long now = System.nanoTime();
        this.rate = new TokenBucket(settings.limits().rate(), settings.limits().burst(), now);
        this.patience = new TokenBucket(settings.limits().rate(), settings.limits().rateAbuseTolerance(), now);
        timers.startSingleTimer(Tick.REGISTER_TIMEOUT, settings.limits().registerTimeout());
        LOG.info("connect {}", peer);
    }

    /**
     * One dispatch for all sessions, hot messages first. (A {@code ReceiveBuilder} would build 15
     * cases per session: the largest part of an idle connection's heap that was ours.)
     */
    @Override
    public Behavior<Command> onMessage(Command message) {
        if (message instanceof Deliver delivery) {
            return onDeliver(delivery);
        }
        if (message instanceof Received received) {
            return onReceived(received);
        }
        if (message instanceof Answer answer) {
            return onAnswer(answer);
        }
        if (message instanceof Drained) {
            return onDrained();
        }
        if (message instanceof Connected connected) {
            return onConnected(connected);
        }
        if (message instanceof ConnectionLost lost) {
            return onConnectionLost(lost);
        }
        if (message instanceof ServerShutdown) {
            return sayByeAndClose(SHUTTING_DOWN, null);
        }
        if (message instanceof NickClaimed claimed) {
            return onNickClaimed(claimed);
        }
        if (message instanceof NickRefused refused) {
            return onNickRefused(refused);
        }
        if (message instanceof RoomJoined joined) {
            return onRoomJoined(joined);
        }
        return switch ((Tick) message) {
            case REGISTER_TIMEOUT -> onRegisterTimeout();
            case SILENCE -> onSilence();
            case LINGER_EXPIRED -> onLingerExpired();
            case ANSWER_TIMEOUT -> onAnswerTimeout();
        };
    }

    @Override
    public Behavior<Command> onSignal(Signal signal) throws Exception {
        return signal instanceof PostStop ? onPostStop() : super.onSignal(signal);
    }

    private Behavior<Command> onConnected(Connected connected) {
        outlet = connected.outlet();
        if (beforeConnected != null) {
            beforeConnected.forEach(frame -> outlet.offer(frame, 1));
            beforeConnected = null;
        }
        connected.inboundAck().tell(Ack.INSTANCE);
        return phase == Phase.CLOSING ? proceedClosing() : this;
    }

    // ---- inbound requests ----

    private Behavior<Command> onReceived(Received received) {
        if (phase == Phase.CLOSING) {
            // Taken and dropped, so the connection's input runs to its end and the close is not held up.
            received.ack().tell(Ack.INSTANCE);
            return this;
        }
        if (phase == Phase.ACTIVE) {
            pinged = false;
            timers.startSingleTimer(Tick.SILENCE, settings.heartbeat());
        }
        Decoded decoded = received.decoded();
        String re = decoded instanceof Decoded.Request request ? request.frame().id() : ((Decoded.Rejected) decoded).re();
        long now = System.nanoTime();
        if (!rate.tryTake(now)) {
            if (!patience.tryTake(now)) {
                return sayByeAndClose("rate limit exceeded", null);
            }
            // A rate of 20 reads "20", not "20.0"; a fractional one keeps its fraction.
            String perSecond = BigDecimal.valueOf(settings.limits().rate()).stripTrailingZeros().toPlainString();
            send(error(ErrorCode.RATE_LIMITED, "slow down: at most " + perSecond
                    + " frames per second, bursts of " + settings.limits().burst(), re));
            received.ack().tell(Ack.INSTANCE);
            return this;
        }
        if (decoded instanceof Decoded.Rejected rejected) {
            send(Wire.bytes(rejected.toFrame()));
            if (rejected.code().closesConnection()) {
                return closeAfterFlush(rejected.code().wire());
            }
            received.ack().tell(Ack.INSTANCE);
            return this;
        }
        heldAck = received.ack();
        Behavior<Command> next = handle(((Decoded.Request) decoded).frame());
        if (!awaitingAnswer) {
            releaseAck();
        }
        return next;
    }

    private Behavior<Command> handle(ClientFrame frame) {
        awaitingAnswer = false;
        if (phase == Phase.AWAITING_HELLO && !RegistrationRules.allowedBeforeHello(frame)) {
            return reject(ErrorCode.NOT_REGISTERED, "say hello first: {\"type\":\"hello\",\"nick\":\"...\"}", frame);
        }
        if (frame instanceof ClientFrame.Hello hello) {
            return onHello(hello);
        } else if (frame instanceof ClientFrame.Say say) {
            return onSay(say);
        } else if (frame instanceof ClientFrame.Join join) {
            return onJoin(join);
        } else if (frame instanceof ClientFrame.Leave leave) {
            return onLeave(leave);
        } else if (frame instanceof ClientFrame.Whisper whisper) {
            return onWhisper(whisper);
        } else if (frame instanceof ClientFrame.Nick rename) {
            return onNick(rename);
        } else if (frame instanceof ClientFrame.Topic topic) {
            return onTopic(topic);
        } else if (frame instanceof ClientFrame.Who who) {
            return onWho(who);
        } else if (frame instanceof ClientFrame.History history) {
            return onHistory(history);
        } else if (frame instanceof ClientFrame.Rooms list) {
            return ask(new RegistryActor.ListRooms(self, list.id()));
        } else if (frame instanceof ClientFrame.Ping ping) {
            send(Wire.bytes(new ServerFrame.Pong(ping.id())));
            return this;
        } else if (frame instanceof ClientFrame.Bye bye) {
            return sayByeAndClose(CLIENT_QUIT, bye.id());
        }
        return this; // pong: the client answered our ping; its arrival already reset the heartbeat
    }

    private Behavior<Command> onHello(ClientFrame.Hello hello) {
        if (phase == Phase.ACTIVE) {
            return reject(ErrorCode.ALREADY_REGISTERED, "you are registered as \"" + nick + "\" already", hello);
        }
        if (hello.protocol() != null && hello.protocol() != ProtocolLimits.PROTOCOL_VERSION) {
            return reject(ErrorCode.BAD_REQUEST, "this server speaks protocol " + ProtocolLimits.PROTOCOL_VERSION
                    + ", not " + hello.protocol(), hello);
        }
        Optional<String> problem = Names.nickProblem(hello.nick());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_NICK, problem.get(), hello);
        }
        return ask(new RegistryActor.ClaimNick(hello.nick(), null, self, hello.id()));
    }

    private Behavior<Command> onSay(ClientFrame.Say say) {
        Optional<ServerFrame.Error> refusal = refusalUnlessIn(say.room(), say.id());
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        Optional<String> problem = TextRules.messageProblem(say.text(), settings.limits().maxText());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), say);
        }
        return askRoom(say.room(), new RoomActor.Say(self, say.text(), say.id()));
    }

    private Behavior<Command> onJoin(ClientFrame.Join join) {
        Optional<String> problem = Names.roomProblem(join.room());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_ROOM, problem.get(), join);
        }
        if (rooms.size() >= settings.limits().maxRoomsPerSession() && !rooms.containsKey(Names.key(join.room()))) {
            return reject(ErrorCode.BAD_REQUEST, "you are in " + rooms.size() + " rooms, the most one session may join", join);
        }
        return ask(new RegistryActor.JoinRoom(join.room(), nick, join.since(), self, join.id()));
    }

    private Behavior<Command> onLeave(ClientFrame.Leave leave) {
        Optional<ServerFrame.Error> refusal = refusalUnlessIn(leave.room(), leave.id());
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        // Out of the map at once: what the room sent before it saw the leave is not shown any more.
        return awaitAnswerFrom(rooms.remove(Names.key(leave.room())), new RoomActor.Leave(self, leave.id()));
    }

    private Behavior<Command> onWhisper(ClientFrame.Whisper whisper) {
        Optional<String> problem = Names.nickProblem(whisper.to());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_NICK, problem.get(), whisper);
        }
        problem = TextRules.messageProblem(whisper.text(), settings.limits().maxText());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), whisper);
        }
        return ask(new RegistryActor.Whisper(nick, whisper.to(), whisper.text(), self, whisper.id()));
    }

    private Behavior<Command> onNick(ClientFrame.Nick rename) {
        Optional<String> problem = Names.nickProblem(rename.nick());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_NICK, problem.get(), rename);
        }
        return ask(new RegistryActor.ClaimNick(rename.nick(), nickKey, self, rename.id()));
    }

    private Behavior<Command> onTopic(ClientFrame.Topic topic) {
        Optional<ServerFrame.Error> refusal = refusalUnlessIn(topic.room(), topic.id());
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        Optional<String> problem = TextRules.topicProblem(topic.topic(), settings.limits().maxTopic());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_TEXT, problem.get(), topic);
        }
        return askRoom(topic.room(), new RoomActor.SetTopic(self, topic.topic(), topic.id()));
    }

    private Behavior<Command> onWho(ClientFrame.Who who) {
        Optional<String> problem = Names.roomProblem(who.room());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_ROOM, problem.get(), who);
        }
        return ask(new RegistryActor.WhoIn(who.room(), self, who.id()));
    }

    private Behavior<Command> onHistory(ClientFrame.History history) {
        Optional<String> problem = Names.roomProblem(history.room());
        if (problem.isPresent()) {
            return reject(ErrorCode.BAD_ROOM, problem.get(), history);
        }
        int limit = history.limit() == null ? ProtocolLimits.DEFAULT_HISTORY_LIMIT : history.limit();
        return ask(new RegistryActor.HistoryOf(history.room(), history.before(), limit, self, history.id()));
    }

    /** Empty when the session is in a validly named room; else the error that answers request {@code re}. */
    private Optional<ServerFrame.Error> refusalUnlessIn(String room, String re) {
        Optional<String> problem = Names.roomProblem(room);
        if (problem.isPresent()) {
            return Optional.of(new ServerFrame.Error(ErrorCode.BAD_ROOM, problem.get(), re));
        }
        if (!rooms.containsKey(Names.key(room))) {
            return Optional.of(new ServerFrame.Error(ErrorCode.NOT_IN_ROOM,
                    "you are not in room \"" + room + "\"; join it first", re));
        }
        return Optional.empty();
    }

    private Behavior<Command> refuse(ServerFrame.Error refusal) {
        send(Wire.bytes(refusal));
        return this;
    }

    private Behavior<Command> ask(RegistryActor.Command request) {
        awaitAnswer();
        registry.tell(request);
        return this;
    }

    private Behavior<Command> askRoom(String room, RoomActor.Command request) {
        return awaitAnswerFrom(rooms.get(Names.key(room)), request);
    }

    private Behavior<Command> awaitAnswerFrom(ActorRef<RoomActor.Command> room, RoomActor.Command request) {
        awaitAnswer();
        room.tell(request);
        return this;
    }

    /** A room that fails on a request drops it; the timer keeps this session from waiting for it forever. */
    private void awaitAnswer() {
        awaitingAnswer = true;
        timers.startSingleTimer(Tick.ANSWER_TIMEOUT, settings.limits().answerTimeout());
    }

    private Behavior<Command> reject(ErrorCode code, String message, ClientFrame frame) {
        send(error(code, message, frame.id()));
        return this;
    }

    // ---- answers from the registry and rooms ----

    private Behavior<Command> onNickClaimed(NickClaimed claimed) {
        if (phase == Phase.CLOSING) {
            registry.tell(new RegistryActor.ReleaseNick(claimed.key(), self));
            return this;
        }
        String old = nick;
        nick = claimed.nick();
        nickKey = claimed.key();
        if (phase == Phase.AWAITING_HELLO) {
            phase = Phase.ACTIVE;
            timers.cancel(Tick.REGISTER_TIMEOUT);
            timers.startSingleTimer(Tick.SILENCE, settings.heartbeat());
            LOG.info("register {} as {}", peer, nick);
            send(Wire.bytes(new ServerFrame.Welcome(nick, ProtocolLimits.PROTOCOL_VERSION, settings.serverName(),
                    Spoken.wholeSeconds(settings.heartbeat()), settings.motd(), claimed.re())));
            if (settings.defaultRoom().isPresent()) {
                // The hello completes with the default room's joined frame, so a say right after it finds the room.
                registry.tell(new RegistryActor.JoinRoom(settings.defaultRoom().get(), nick, null, self, null));
                return this;
            }
        } else {
            send(Wire.bytes(new ServerFrame.NickChanged(old, nick, claimed.re())));
            if (!nick.equals(old)) {
                LOG.info("rename {} from {} to {}", peer, old, nick);
                rooms.values().forEach(room -> room.tell(new RoomActor.Rename(self, nick)));
            }
        }
        releaseAck();
        return this;
    }

    private Behavior<Command> onNickRefused(NickRefused refused) {
        send(error(refused.code(), refused.message(), refused.re()));
        releaseAck();
        return this;
    }

    private Behavior<Command> onRoomJoined(RoomJoined joined) {
        if (phase == Phase.CLOSING) {
            joined.room().tell(new RoomActor.Quit(self, closingReason));
            return this;
        }
        rooms.put(joined.roomKey(), joined.room());
        send(joined.frame());
        releaseAck();
        return this;
    }

    private Behavior<Command> onAnswer(Answer answer) {
        send(answer.frame(), answer.frames());
        releaseAck();
        return this;
    }

    private Behavior<Command> onDeliver(Deliver delivery) {
        if (phase == Phase.ACTIVE && (delivery.roomKey() == null || rooms.containsKey(delivery.roomKey()))) {
            send(delivery.frame(), delivery.frames());
        }
        return this;
    }

    /**
     * Lets the next request in, unless the client's queue is half full: then the request waits
     * until the client has read enough of it ({@link Drained}), so a client that sends faster than
     * it reads is slowed down by its own answers instead of being cut as a slow consumer.
     */
    private void releaseAck() {
        awaitingAnswer = false;
        timers.cancel(Tick.ANSWER_TIMEOUT);
        if (lostWhileAnswering != null) {
            getContext().getSelf().tell(lostWhileAnswering);
            lostWhileAnswering = null;
        }
        if (heldAck == null) {
            return;
        }
        int halfFull = settings.limits().maxOutbound() / 2;
        if (phase == Phase.CLOSING || outlet == null || outlet.queuedFrames() < halfFull) {
            heldAck.tell(Ack.INSTANCE);
            heldAck = null;
        } else {
            outlet.notifyWhenBelow(halfFull);
        }
    }

    private Behavior<Command> onDrained() {
        if (heldAck != null && !awaitingAnswer) {
            releaseAck();
        }
        return this;
    }

    // ---- timers ----

    private Behavior<Command> onRegisterTimeout() {
        if (phase != Phase.AWAITING_HELLO) {
            return this;
        }
        return sayByeAndClose("registration timeout: no hello within "
                + Spoken.duration(settings.limits().registerTimeout()), null);
    }

    private Behavior<Command> onSilence() {
        if (phase != Phase.ACTIVE) {
            return this;
        }
        if (pinged) {
            return sayByeAndClose("ping timeout", null);
        }
        pinged = true;
        send(Wire.bytes(new ServerFrame.Ping()));
        timers.startSingleTimer(Tick.SILENCE, settings.heartbeat());
        return this;
    }

    /**
     * The room or registry that had the request failed and lost it. What this session believes
     * about its rooms may now be wrong, so it ends cleanly and the client reconnects.
     */
    private Behavior<Command> onAnswerTimeout() {
        if (!awaitingAnswer || phase == Phase.CLOSING) {
            return this;
        }
        LOG.warn("no answer for {} within {}", peer, settings.limits().answerTimeout());
        return sayByeAndClose("server error: your request got no answer within "
                + Spoken.duration(settings.limits().answerTimeout()) + "; please reconnect", null);
    }

    /** The peer took too long to take its last frames or to hang up: reset the connection. */
    private Behavior<Command> onLingerExpired() {
        // A close asked for earlier is still waiting behind frames the peer does not take.
        if (outlet != null) {
            outlet.abort("peer did not take its last frames within " + settings.limits().linger());
            closeSent = true;
        }
        return Behaviors.stopped();
    }

    // ---- outbound ----

    private void send(ByteString frame) {
        send(frame, 1);
    }

    private void send(ByteString frames, int count) {
        if (phase == Phase.CLOSING) {
            return;
        }
        if (outlet == null) {
            if (beforeConnected == null) {
                beforeConnected = new ArrayList<>(1);
            }
            beforeConnected.add(frames);
            return;
        }
        boolean waitingAlready = outlet.queuedFrames() > 0;
        outlet.offer(frames, count);
        // One offer over a budget (a big joined, a history page, a busy room's batch) may wait
        // alone; anything offered behind it may not.
        boolean overBudget = outlet.queuedFrames() > settings.limits().maxOutbound()
                || outlet.queuedBytes() > settings.limits().maxOutboundBytes();
        if (waitingAlready && overBudget) {
            outlet.discardQueued();
            sayByeAndClose("slow consumer", null);
        }
    }

    // ---- closing ----

    private Behavior<Command> sayByeAndClose(String reason, String re) {
        send(Wire.bytes(new ServerFrame.Bye(reason, re)));
        return closeAfterFlush(reason);
    }

    /** Leaves every room, frees the nick, and closes once the queued frames are written. */
    private Behavior<Command> closeAfterFlush(String reason) {
        if (phase == Phase.CLOSING) {
            return this;
        }
        leaveEverything(reason);
        timers.startSingleTimer(Tick.LINGER_EXPIRED, settings.limits().linger());
        return proceedClosing();
    }

    /** The peer hung up (or the connection broke): what is queued still goes out if it can. */
    private Behavior<Command> onConnectionLost(ConnectionLost lost) {
        if (awaitingAnswer && phase != Phase.CLOSING) {
            // The connection reports the end of the input right behind the last request, without
            // waiting for its ack: a client that sent it and closed its sending side (nc -N) still
            // gets the answer. releaseAck hands the end back once the answer is out.
            lostWhileAnswering = lost;
            return this;
        }
        peerGone = true;
        if (phase != Phase.CLOSING) {
            leaveEverything(lost.reason());
            timers.startSingleTimer(Tick.LINGER_EXPIRED, settings.limits().linger());
        }
        return proceedClosing();
    }

    /**
     * Asks the connection to close after what is queued, then waits for the peer to hang up, so
     * the last frame (a bye) is on the wire before this session, and during shutdown the server,
     * goes away. {@code linger} bounds the wait.
     */
    private Behavior<Command> proceedClosing() {
        if (outlet != null && !closeSent) {
            outlet.close();
            closeSent = true;
        }
        return peerGone ? Behaviors.stopped() : this;
    }

    /** Ends the session's part in the chat: from here on it only finishes its connection. */
    private void leaveEverything(String reason) {
        LOG.info("disconnect {}{}: {}", peer, nick == null ? "" : " (" + nick + ")", reason);
        phase = Phase.CLOSING;
        closingReason = reason;
        timers.cancel(Tick.SILENCE);
        timers.cancel(Tick.REGISTER_TIMEOUT);
        rooms.values().forEach(room -> room.tell(new RoomActor.Quit(self, reason)));
        rooms.clear();
        if (nickKey != null) {
            registry.tell(new RegistryActor.ReleaseNick(nickKey, self));
        }
        registry.tell(new RegistryActor.SessionClosing(getContext().getSelf()));
        releaseAck();
    }

    private Behavior<Command> onPostStop() {
        if (phase != Phase.CLOSING) {
            leaveEverything("session failed");
        }
        if (outlet != null && !closeSent) {
            outlet.abort("session stopped");
        }
        return this;
    }

    private static ByteString error(ErrorCode code, String message, String re) {
        return Wire.bytes(new ServerFrame.Error(code, message, re));
    }
}
