package chat.actors;

import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;

/**
 * Plays a session's connection without a socket. A reading client takes every frame at once
 * (each arrives decoded at {@code frames}); one that stopped reading takes nothing, so the
 * session's queue grows as behind a full TCP window, until {@link #catchUp} reads what waits. How the connection ended arrives at
 * {@code ends}; a client that hangs up when closed tells the session its input ended, as the
 * TCP stream would.
 */
public final class OutletStandIn implements ConnectionOutlet {

    private final ActorRef<SessionActor.Command> session;
    private final Consumer<ServerFrame> frames;
    private final Consumer<ConnectionEnd> ends;
    private final boolean reads;
    private final boolean hangsUpWhenClosed;
    private static final FrameCodec CODEC = new FrameCodec();

    private final OutletBacklog backlog;
    /** What a client that stopped reading has not taken yet, in order. */
    private final java.util.Queue<ByteString> unread = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private OutletStandIn(ActorRef<SessionActor.Command> session, ChatSettings.Limits limits,
                          Consumer<ServerFrame> frames, Consumer<ConnectionEnd> ends, boolean reads,
                          boolean hangsUpWhenClosed) {
        this.session = session;
        this.frames = frames;
        this.ends = ends;
        this.reads = reads;
        this.hangsUpWhenClosed = hangsUpWhenClosed;
        this.backlog = new OutletBacklog(session, limits, unread::clear);
    }

    /** A client that reads everything and stays until the server has closed. */
    public static OutletStandIn reading(ActorRef<SessionActor.Command> session, ChatSettings.Limits limits,
                                        Consumer<ServerFrame> frames, Consumer<ConnectionEnd> ends) {
        return new OutletStandIn(session, limits, frames, ends, true, false);
    }

    /** A client that reads everything and hangs up as soon as the server closes. */
    public static OutletStandIn readingAndHangingUp(ActorRef<SessionActor.Command> session, ChatSettings.Limits limits,
                                                    Consumer<ServerFrame> frames, Consumer<ConnectionEnd> ends) {
        return new OutletStandIn(session, limits, frames, ends, true, true);
    }

    /** A client that has stopped reading: what is offered waits, within {@code limits}. */
    public static OutletStandIn notReading(ActorRef<SessionActor.Command> session, ChatSettings.Limits limits,
                                           Consumer<ServerFrame> frames, Consumer<ConnectionEnd> ends) {
        return new OutletStandIn(session, limits, frames, ends, false, false);
    }

    @Override
    public ServerFrameEncoder encoder() {
        return CODEC;
    }

    @Override
    public void offer(ByteString bytes, int count) {
        if (backlog.admit(count, bytes.size())) {
            take(bytes, count);
        }
    }

    @Override
    public void offerLast(ByteString frame) {
        backlog.admitLast(frame.size());
        take(frame, 1);
    }

    private void take(ByteString bytes, int count) {
        if (reads) {
            Frames.in(bytes).forEach(frames);
            backlog.taken(count, bytes.size());
        } else {
            unread.add(bytes);
        }
    }

    /** The client that stopped reading reads everything that waits for it, as the socket would take it. */
    public void catchUp() {
        for (ByteString bytes = unread.poll(); bytes != null; bytes = unread.poll()) {
            java.util.List<ServerFrame> read = Frames.in(bytes);
            read.forEach(frames);
            backlog.taken(read.size(), bytes.size());
        }
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
        if (!reads) {
            // Closing waits behind the queued frames, which a client that does not read never takes.
            return;
        }
        ends.accept(new ConnectionEnd.Closed());
        if (hangsUpWhenClosed) {
            session.tell(new SessionActor.ConnectionLost("peer hung up"));
        }
    }

    @Override
    public void abort(String reason) {
        backlog.stopAccepting();
        ends.accept(new ConnectionEnd.Aborted(reason));
        if (hangsUpWhenClosed) {
            session.tell(new SessionActor.ConnectionLost("connection reset"));
        }
    }
}
