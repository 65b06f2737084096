package chat.server.connection;

import chat.actors.ChatSettings;
import chat.actors.ConnectionOutlet;
import chat.actors.OutletBacklog;
import chat.actors.SessionActor;
import chat.protocol.ConnectionEncoder;
import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractGraphStageWithMaterializedValue;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * The source of a connection's outbound bytes, materialized as its {@link ConnectionOutlet}. The
 * session and its rooms put frames into a queue that this stage drains one offer per pull;
 * Pekko's TCP stage pulls again while a write is in flight and sends what gathered as one write.
 * The stage is woken (one message to the stream's actor) only when it found the queue empty, so a
 * busy connection costs no message per frame and an idle one costs one per burst.
 *
 * <p>A close waits for the queued frames to be taken, but no longer than {@code linger}: a peer
 * that stopped reading (and maybe hung up its sending side, so its session is gone) would
 * otherwise hold the connection open for ever. Then the connection is reset.
 */
final class OutletSource extends AbstractGraphStageWithMaterializedValue<SourceShape<ByteString>, ConnectionOutlet> {

    private final Outlet<ByteString> out = Outlet.create("OutletSource.out");
    private final SourceShape<ByteString> shape = SourceShape.of(out);
    private final ActorRef<SessionActor.Command> session;
    private final ChatSettings.Limits limits;
    private final ConnectionEncoder encoder;

    OutletSource(ActorRef<SessionActor.Command> session, ChatSettings.Limits limits, ConnectionEncoder encoder) {
        this.session = session;
        this.limits = limits;
        this.encoder = encoder;
    }

    @Override
    public SourceShape<ByteString> shape() {
        return shape;
    }

    @Override
    public Pair<GraphStageLogic, ConnectionOutlet> createLogicAndMaterializedValuePair(Attributes attributes) {
        Logic logic = new Logic();
        return Pair.create(logic, logic.handle);
    }

    private static final String LINGER_EXPIRED = "linger expired";

    /** Several frames offered as one: a room's batch. A single frame is queued as its bytes alone. */
    private record Frames(ByteString bytes, int count) {}

    /**
     * The connection's last frame (a bye). An offer that raced with it and was queued behind it is
     * dropped when taken, so nothing ever follows the last frame on the wire.
     */
    private record Last(ByteString frame) {}

    private final class Logic extends TimerGraphStageLogic {

        /** Holds {@link ByteString} (one frame), {@link Frames} (several) and {@link Last}. */
        private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
        private final OutletBacklog backlog = new OutletBacklog(session, limits, this::discardQueued);
        /** Set by the stage when it has demand and found nothing; whoever clears it wakes the stage. */
        private final AtomicBoolean waiting = new AtomicBoolean();
        private final AsyncCallback<Done> wake = createAsyncCallback(done -> takeIfPulled());
        private final AsyncCallback<Done> closing = createAsyncCallback(done -> onClose());
        private final AsyncCallback<String> aborting =
                createAsyncCallback(reason -> failStage(new ConnectionFlow.ConnectionAborted(reason)));
        private boolean closeRequested;
        /** The last frame was taken: whatever is queued behind it is dropped. */
        private boolean lastTaken;
        final ConnectionOutlet handle = new Handle();

        Logic() {
            super(shape);
            setHandler(out, new AbstractOutHandler() {
                @Override
                public void onPull() {
                    takeIfPulled();
                }
            });
        }

        private void takeIfPulled() {
            if (!isAvailable(out)) {
                return;
            }
            ByteString next = take();
            if (next == null) {
                waiting.set(true);
                // An offer may have slipped in between the empty poll and the flag: look once more.
                if (queue.isEmpty() || !waiting.compareAndSet(true, false)) {
                    // With the flag taken by an offer, a wake is on its way and the queue is not done.
                    if (closeRequested && queue.isEmpty()) {
                        completeStage();
                    }
                    return;
                }
                next = take();
                if (next == null) {
                    takeIfPulled();
                    return;
                }
            }
            push(out, next);
        }

        private void onClose() {
            closeRequested = true;
            if (queue.isEmpty() && isAvailable(out)) {
                completeStage();
            } else {
                scheduleOnce(LINGER_EXPIRED, limits.linger());
            }
        }

        @Override
        public void onTimer(Object key) {
            failStage(new ConnectionFlow.ConnectionAborted("peer did not take its last frames within " + limits.linger()));
        }

        /** The next bytes for the socket, counted out of the backlog; null when nothing waits. */
        private ByteString take() {
            Object next = queue.poll();
            while (next != null && lastTaken) {
                countOut(next);
                next = queue.poll();
            }
            if (next == null) {
                return null;
            }
            lastTaken = next instanceof Last;
            return countOut(next);
        }

        private ByteString countOut(Object queued) {
            if (queued instanceof Frames several) {
                backlog.taken(several.count(), several.bytes().size());
                return several.bytes();
            }
            ByteString single = queued instanceof Last last ? last.frame() : (ByteString) queued;
            backlog.taken(1, single.size());
            return single;
        }

        /**
         * Drops what waits for a client that fell behind (from the offering thread, not the
         * stage's), but the last frame: a bye the session offered while this ran still goes out.
         */
        private void discardQueued() {
            Last last = null;
            for (Object queued = queue.poll(); queued != null; queued = queue.poll()) {
                if (queued instanceof Last kept) {
                    last = kept;
                } else {
                    countOut(queued);
                }
            }
            if (last != null) {
                queue.offer(last);
                wakeIfWaiting();
            }
        }

        private void wakeIfWaiting() {
            if (waiting.get() && waiting.compareAndSet(true, false)) {
                wake.invoke(Done.getInstance());
            }
        }

        private final class Handle implements ConnectionOutlet {

            @Override
            public ServerFrameEncoder encoder() {
                return encoder.shared();
            }

            @Override
            public byte[] encodeOwn(ServerFrame frame) {
                return encoder.encode(frame);
            }

            @Override
            public void offer(ByteString frames, int count) {
                if (backlog.admit(count, frames.size())) {
                    queue.offer(count == 1 ? frames : new Frames(frames, count));
                    wakeIfWaiting();
                }
            }

            @Override
            public void offerLast(ByteString frame) {
                backlog.admitLast(frame.size());
                queue.offer(new Last(frame));
                wakeIfWaiting();
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
                closing.invoke(Done.getInstance());
            }

            @Override
            public void abort(String reason) {
                backlog.stopAccepting();
                aborting.invoke(reason);
            }
        }
    }
}
