package chat.actors;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a {@link ConnectionOutlet} holds for its client, in frames and bytes; whether it still takes
 * offers; and the session's request to hear {@link SessionActor.Drained} once fewer frames wait.
 * Safe for rooms and the session offering on their threads while the connection takes on another.
 */
public final class OutletBacklog {

    private final ActorRef<SessionActor.Command> session;
    private final int mostFrames;
    private final long mostBytes;
    /** Drops every frame that waits, counting each out: called once, when the client fell behind. */
    private final Runnable discardWaiting;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    /** What {@link #notifyWhenBelow} asked for; 0 when nothing is asked. */
    private final AtomicInteger notifyBelow = new AtomicInteger();
    /** False once the client fell behind or the connection took its last frame. */
    private final AtomicBoolean accepting = new AtomicBoolean(true);

    public OutletBacklog(ActorRef<SessionActor.Command> session, ChatSettings.Limits limits, Runnable discardWaiting) {
        this.session = session;
        this.mostFrames = limits.maxOutbound();
        this.mostBytes = limits.maxOutboundBytes();
        this.discardWaiting = discardWaiting;
    }

    /**
     * Counts an offer in. False when it must be dropped: the connection is closing, or the client
     * fell behind, now or before. One offer over the budget (a big joined, a history page) may
     * wait alone; anything offered behind it may not: then what waits is dropped and the session
     * hears {@link SessionActor.FellBehind}, once.
     */
    public boolean admit(int frameCount, long byteCount) {
        if (!accepting.get()) {
            return false;
        }
        boolean waitingAlready = frames.get() > 0;
        int queuedFrames = frames.addAndGet(frameCount);
        long queuedBytes = bytes.addAndGet(byteCount);
        if (waitingAlready && (queuedFrames > mostFrames || queuedBytes > mostBytes)) {
            if (accepting.compareAndSet(true, false)) {
                discardWaiting.run();
                frames.set(0);
                bytes.set(0);
                session.tell(SessionActor.FellBehind.INSTANCE);
            }
            return false;
        }
        return true;
    }

    /** Counts in the connection's last frame, which is queued whatever came before; nothing is admitted after it. */
    public void admitLast(long byteCount) {
        accepting.set(false);
        frames.incrementAndGet();
        bytes.addAndGet(byteCount);
    }

    /** The connection is closing: nothing more is admitted. */
    public void stopAccepting() {
        accepting.set(false);
    }

    /** Frames the connection took (or dropped); never below zero, since offers race with a discard. */
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

    public int frames() {
        return frames.get();
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
