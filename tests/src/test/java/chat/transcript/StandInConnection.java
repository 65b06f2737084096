package chat.transcript;

import chat.actors.ChatSettings;
import chat.actors.ConnectionOutlet;
import chat.actors.OutletBacklog;
import chat.actors.RegistryActor;
import chat.actors.SessionActor;
import chat.protocol.Decoded;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import chat.server.connection.WireProtocol;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.util.ByteString;

/**
 * Plays a TCP connection for one session, without a socket, the way the server's connection
 * flow does: asks the registry for admission, feeds the client's bytes through the listener's own
 * {@link WireProtocol} (JSON lines or IRC) one acknowledged request at a time, and reports the end
 * of the input once every request has been handed over. It takes what the session and its rooms
 * offer to its outlet and, while the client reads, puts it into the client's {@link Inbox}. The
 * connection ends as the server's outlet ends it: closed in order once everything offered was
 * taken; reset when the session aborts it, or goes away while frames wait that the client never
 * took. It lives until the session is gone.
 */
final class StandInConnection extends AbstractBehavior<StandInConnection.Command> {

    sealed interface Command {}

    /** Bytes the client sends. */
    record Feed(ByteString bytes) implements Command {}

    /**
     * The client stops reading: what the session offers goes into the socket buffers, unseen,
     * and once they are full stays queued, as behind a full TCP window.
     */
    enum StopReading implements Command { INSTANCE }

    /** The client closes its sending side: the bytes already sent still arrive, then the input ends; writes go on. */
    enum StopSending implements Command { INSTANCE }

    /** The client goes away: the bytes already sent still arrive, then the input ends; nothing more is read. */
    enum Drop implements Command { INSTANCE }

    private record AdmissionDecided(RegistryActor.Admission admission) implements Command {}

    /** {@code last}: the connection's last frame; an offer that raced with it and came after it is dropped. */
    private record Offered(ByteString bytes, int count, boolean last) implements Command {}

    private enum OutletClosed implements Command { INSTANCE }

    /** The client fell too far behind: what it had not taken is dropped, as the server's outlet drops it. */
    private enum UnreadDiscarded implements Command { INSTANCE }

    private enum OutletAborted implements Command { INSTANCE }

    private enum SessionReady implements Command { INSTANCE }

    /**
     * What the socket buffers of both ends take from a server whose client stopped reading,
     * before the server's writes back up: over loopback from tens of kilobytes to a few
     * megabytes. A frozen client's last few frames fit; a flood does not.
     */
    private static final int SOCKET_BUFFER_BYTES = 64 * 1024;

    private final Inbox inbox;
    private final WireProtocol wire;
    private final String address;
    private final ChatSettings.Limits limits;
    private QueueOutlet outlet;
    /** The connection's half of the wire protocol, from admission on. */
    private WireProtocol.Connection connection;
    private final ActorRef<SessionActor.Ack> acks;
    /**
     * What the client sent and the wire has not read yet, one chunk per send: as over TCP, a
     * chunk is read once the session has taken every request of the one before, so what the
     * wire answers by itself (IRC) comes after the session's answers to those.
     */
    private final Deque<ByteString> unreadInput = new ArrayDeque<>();
    private final Deque<Decoded> pending = new ArrayDeque<>();
    private ActorRef<SessionActor.Command> session;
    private boolean sessionReady;
    private boolean inputEnding;
    private boolean inputEnded;
    private boolean reading = true;
    /** The client's end is told: closed in order or reset. */
    private boolean ended;
    private boolean clientReads = true;
    /** What the session offered while the client did not read and the socket buffers were full: still the server's. */
    private final Deque<Offered> unread = new ArrayDeque<>();
    /** Bytes the socket buffers took while the client did not read; the client never sees them. */
    private long buffered;
    /** Once an offer did not fit, the buffers stay full: a client that does not read frees no room. */
    private boolean socketBuffersFull;
    /** The connection's last frame was offered: nothing after it reaches the client. */
    private boolean lastOffered;

    /** {@code peer} names the connection in logs, as address:port would. */
    static Behavior<Command> create(ActorRef<RegistryActor.Command> registry, String address, String peer,
            Inbox inbox, WireProtocol wire, ChatSettings.Limits limits) {
        return Behaviors.setup(context -> {
            registry.tell(new RegistryActor.Admit(address, peer,
                    context.messageAdapter(RegistryActor.Admission.class, AdmissionDecided::new)));
            return new StandInConnection(context, inbox, wire, address, limits);
        });
    }

    private StandInConnection(ActorContext<Command> context, Inbox inbox, WireProtocol wire, String address,
                              ChatSettings.Limits limits) {
        super(context);
        this.inbox = inbox;
        this.wire = wire;
        this.address = address;
        this.limits = limits;
        this.acks = context.messageAdapter(SessionActor.Ack.class, ack -> SessionReady.INSTANCE);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(AdmissionDecided.class, this::onAdmission)
                .onMessage(Feed.class, this::onFeed)
                .onMessageEquals(SessionReady.INSTANCE, this::onSessionReady)
                .onMessageEquals(StopReading.INSTANCE, () -> {
                    clientReads = false;
                    return this;
                })
                .onMessageEquals(StopSending.INSTANCE, this::onStopSending)
                .onMessageEquals(Drop.INSTANCE, this::onDrop)
                .onMessage(Offered.class, this::onOffered)
                .onMessageEquals(OutletClosed.INSTANCE, this::onOutletClosed)
                .onMessageEquals(UnreadDiscarded.INSTANCE, () -> {
                    unread.clear();
                    return this;
                })
                .onMessageEquals(OutletAborted.INSTANCE, () -> {
                    reset();
                    return Behaviors.stopped();
                })
                .onSignal(Terminated.class, sessionGone -> {
                    // Frames the client never took: the server's outlet would give up on them after its linger, with a reset.
                    reset();
                    return Behaviors.stopped();
                })
                .build();
    }

    private Behavior<Command> onAdmission(AdmissionDecided decided) {
        if (decided.admission() instanceof RegistryActor.Admitted admitted) {
            session = admitted.session();
            connection = wire.open(address);
            outlet = new QueueOutlet(getContext().getSelf(), session, limits, connection);
            getContext().watch(session);
            session.tell(new SessionActor.Connected(outlet, acks));
            return this;
        }
        // What the server's connection flow does with a refusal: the farewell, then close.
        byte[] refusal = wire.refusal(((RegistryActor.Refused) decided.admission()).farewell(), address);
        inbox.bytes(refusal, 0, refusal.length);
        inbox.closed();
        return Behaviors.stopped();
    }

    private Behavior<Command> onFeed(Feed feed) {
        if (!inputEnding) {
            unreadInput.add(feed.bytes());
        }
        return pump();
    }

    private Behavior<Command> onSessionReady() {
        sessionReady = true;
        return pump();
    }

    private Behavior<Command> onStopSending() {
        inputEnding = true;
        return pump();
    }

    private Behavior<Command> onDrop() {
        inputEnding = true;
        reading = false;
        return pump();
    }

    /**
     * Like the server's connection stream: the next chunk is read once the session has taken the
     * requests before it; one request in flight; the end of input goes out once no request waits,
     * acknowledged or not.
     */
    private Behavior<Command> pump() {
        if (session == null) {
            return this;
        }
        while (pending.isEmpty() && sessionReady && !unreadInput.isEmpty()) {
            pending.addAll(connection.decode(unreadInput.poll(), outlet));
        }
        if (!pending.isEmpty()) {
            if (sessionReady) {
                sessionReady = false;
                session.tell(new SessionActor.Received(pending.poll(), acks));
            }
            return this;
        }
        if (!unreadInput.isEmpty()) {
            return this;
        }
        if (inputEnding && !inputEnded) {
            inputEnded = true;
            session.tell(new SessionActor.ConnectionLost("connection closed"));
        }
        return reading ? this : Behaviors.stopped();
    }

    private Behavior<Command> onOffered(Offered offered) {
        if (lastOffered) {
            outlet.taken(offered.count(), offered.bytes().size());
            return this;
        }
        lastOffered = offered.last();
        if (clientReads) {
            byte[] bytes = offered.bytes().toArray();
            inbox.bytes(bytes, 0, bytes.length);
            outlet.taken(offered.count(), offered.bytes().size());
        } else if (!socketBuffersFull && buffered + offered.bytes().size() <= SOCKET_BUFFER_BYTES) {
            buffered += offered.bytes().size();
            outlet.taken(offered.count(), offered.bytes().size());
        } else {
            socketBuffersFull = true;
            unread.add(offered);
        }
        return this;
    }

    /**
     * Like the server's outlet: the connection closes in order once everything offered is taken.
     * A client that stopped reading never takes the rest, so the close waits until the session
     * gives up (its linger) and aborts: a reset, as over TCP.
     */
    private Behavior<Command> onOutletClosed() {
        if (!unread.isEmpty() || ended) {
            return this;
        }
        ended = true;
        inbox.closed();
        // The client sees the end of the stream and hangs up too, as TCP clients do.
        inputEnding = true;
        return pump();
    }

    /** The connection is aborted: what the client had not taken is lost with it. */
    private void reset() {
        if (!ended) {
            ended = true;
            unread.clear();
            inbox.reset();
        }
    }

    /** The connection's outlet: counts what waits in this actor's mailbox until the client has read it. */
    private static final class QueueOutlet implements ConnectionOutlet {

        private final ActorRef<Command> self;
        private final OutletBacklog backlog;
        private final WireProtocol.Connection connection;

        QueueOutlet(ActorRef<Command> self, ActorRef<SessionActor.Command> session, ChatSettings.Limits limits,
                    WireProtocol.Connection connection) {
            this.self = self;
            this.connection = connection;
            this.backlog = new OutletBacklog(session, limits, () -> self.tell(UnreadDiscarded.INSTANCE));
        }

        @Override
        public ServerFrameEncoder encoder() {
            return connection.encoder().shared();
        }

        @Override
        public byte[] encodeOwn(ServerFrame frame) {
            return connection.encoder().encode(frame);
        }

        @Override
        public void offer(ByteString frames, int count) {
            if (backlog.admit(count, frames.size())) {
                self.tell(new Offered(frames, count, false));
            }
        }

        @Override
        public void offerLast(ByteString frame) {
            backlog.admitLast(frame.size());
            self.tell(new Offered(frame, 1, true));
        }

        /** Called by the actor once the client read an offer. */
        void taken(int count, int bytes) {
            backlog.taken(count, bytes);
        }

        @Override
        public int queuedFrames() {
            return backlog.frames();
        }

        @Override
        public void notifyWhenBelow(int frames) {
            backlog.notifyWhenBelow(frames);
        }

        @Override
        public void close() {
            backlog.stopAccepting();
            self.tell(OutletClosed.INSTANCE);
        }

        @Override
        public void abort(String reason) {
            backlog.stopAccepting();
            self.tell(OutletAborted.INSTANCE);
        }
    }
}
