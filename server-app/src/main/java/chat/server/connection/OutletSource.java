package chat.server.connection;

import chat.actors.ConnectionOutlet;
import chat.actors.OutletBacklog;
import chat.actors.SessionActor;
import java.time.Duration;
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
 * The source of a connection's outbound bytes, materialized as the session's
 * {@link ConnectionOutlet}. The session puts frames into a queue that this stage drains one frame
 * per pull; Pekko's TCP stage pulls again while a write is in flight and sends what gathered as
 * one write. The stage is woken (one message to the stream's actor) only when it found the queue
 * empty, so a busy connection costs no message per frame and an idle one costs one per burst.
 *
 * <p>A close waits for the queued frames to be taken, but no longer than {@code linger}: a peer
 * that stopped reading (and maybe hung up its sending side, so its session is gone) would
 * otherwise hold the connection open for ever. Then the connection is reset.
 */
final class OutletSource extends AbstractGraphStageWithMaterializedValue<SourceShape<ByteString>, ConnectionOutlet> {

    private final Outlet<ByteString> out = Outlet.create("OutletSource.out");
    private final SourceShape<ByteString> shape = SourceShape.of(out);
    private final ActorRef<SessionActor.Command> session;
    private final Duration linger;

    OutletSource(ActorRef<SessionActor.Command> session, Duration linger) {
        this.session = session;
        this.linger = linger;
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

    private final class Logic extends TimerGraphStageLogic {

        /** Holds {@link ByteString} (one frame) and {@link Frames} (several). */
        private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
        private final OutletBacklog backlog = new OutletBacklog(session);
        /** Set by the stage when it has demand and found nothing; whoever clears it wakes the stage. */
        private final AtomicBoolean waiting = new AtomicBoolean();
        private final AsyncCallback<Done> wake = createAsyncCallback(done -> takeIfPulled());
        private final AsyncCallback<Done> closing = createAsyncCallback(done -> onClose());
        private final AsyncCallback<String> aborting =
                createAsyncCallback(reason -> failStage(new ConnectionFlow.ConnectionAborted(reason)));
        private boolean closeRequested;
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
                scheduleOnce(LINGER_EXPIRED, linger);
            }
        }

        @Override
        public void onTimer(Object key) {
            failStage(new ConnectionFlow.ConnectionAborted("peer did not take its last frames within " + linger));
        }

        private ByteString take() {
            Object next = queue.poll();
            if (next == null) {
                return null;
            }
            if (next instanceof Frames several) {
                backlog.taken(several.count(), several.bytes().size());
                return several.bytes();
            }
            ByteString single = (ByteString) next;
            backlog.taken(1, single.size());
            return single;
        }

        private final class Handle implements ConnectionOutlet {

            @Override
            public void offer(ByteString frames, int count) {
                backlog.added(count, frames.size());
                queue.offer(count == 1 ? frames : new Frames(frames, count));
                if (waiting.get() && waiting.compareAndSet(true, false)) {
                    wake.invoke(Done.getInstance());
                }
            }

            @Override
            public int queuedFrames() {
                return backlog.frames();
            }

            @Override
            public long queuedBytes() {
                return backlog.bytes();
            }

            @Override
            public void discardQueued() {
                while (take() != null) {
                    // each take counts itself out of the queue
                }
            }

            @Override
            public void notifyWhenBelow(int frames) {
                backlog.notifyWhenBelow(frames);
            }

            @Override
            public void close() {
                closing.invoke(Done.getInstance());
            }

            @Override
            public void abort(String reason) {
                aborting.invoke(reason);
            }
        }
    }
}
