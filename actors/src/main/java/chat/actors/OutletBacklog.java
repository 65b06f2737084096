package chat.actors;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a {@link ConnectionOutlet} holds for its client, in frames and bytes, and the session's
 * request to hear {@link SessionActor.Drained} once fewer frames wait. Safe for the session adding
 * on its thread while the connection takes on another.
 */
public final class OutletBacklog {

    private final ActorRef<SessionActor.Command> session;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    /** What {@link #notifyWhenBelow} asked for; 0 when nothing is asked. */
    private final AtomicInteger notifyBelow = new AtomicInteger();

    public OutletBacklog(ActorRef<SessionActor.Command> session) {
        this.session = session;
    }

    public void added(int frameCount, long byteCount) {
        frames.addAndGet(frameCount);
        bytes.addAndGet(byteCount);
    }

    /** Frames the connection took; never below zero, since a {@link #clear} may have counted them out already. */
    public void taken(int frameCount, long byteCount) {
        // Compare-and-set loops rather than updateAndGet: no lambda per frame on the delivery path.
        int queuedFrames;
        int left;
        do {
            queuedFrames = frames.get();
            left = Math.max(0, queuedFrames - frameCount);
        } while (!frames.compareAndSet(queuedFrames, left));
        long queuedBytes;
        do {
            queuedBytes = bytes.get();
        } while (!bytes.compareAndSet(queuedBytes, Math.max(0, queuedBytes - byteCount)));
        notifyIfBelow(left);
    }

    public void clear() {
        frames.set(0);
        bytes.set(0);
    }

    public int frames() {
        return frames.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** See {@link ConnectionOutlet#notifyWhenBelow}: at most one {@link SessionActor.Drained} per request. */
    public void notifyWhenBelow(int frameCount) {
        notifyBelow.set(frameCount);
        notifyIfBelow(frames.get());
    }

    private void notifyIfBelow(int queued) {
        int threshold = notifyBelow.get();
        if (queued < threshold && notifyBelow.compareAndSet(threshold, 0)) {
            session.tell(SessionActor.Drained.INSTANCE);
        }
    }
}
