package chat.actors;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * A session's frames on their way to its client, and what may wait for a client that reads
 * slowly: at most {@code limits.max-outbound} frames and {@code limits.max-outbound-bytes} bytes.
 */
final class SessionOutbound {

    private final int mostFrames;
    private final long mostBytes;
    private ConnectionOutlet outlet;
    /** Frames written before the connection was ready: at most a bye, from a timeout or a shutdown. */
    private List<ByteString> beforeConnected;
    private boolean closeSent;

    SessionOutbound(ChatSettings.Limits limits) {
        this.mostFrames = limits.maxOutbound();
        this.mostBytes = limits.maxOutboundBytes();
    }

    void connect(ConnectionOutlet connected) {
        outlet = connected;
        if (beforeConnected != null) {
            beforeConnected.forEach(frame -> outlet.offer(frame, 1));
            beforeConnected = null;
        }
    }

    /**
     * Queues {@code count} frames. False when the client has fallen too far behind: what waited
     * for it is dropped, and the session must cut it as a slow consumer.
     */
    boolean offer(ByteString frames, int count) {
        if (outlet == null) {
            if (beforeConnected == null) {
                beforeConnected = new ArrayList<>(1);
            }
            beforeConnected.add(frames);
            return true;
        }
        boolean waitingAlready = outlet.queuedFrames() > 0;
        outlet.offer(frames, count);
        // One offer over a budget (a big joined, a history page, a busy room's batch) may wait
        // alone; anything offered behind it may not.
        boolean overBudget = outlet.queuedFrames() > mostFrames || outlet.queuedBytes() > mostBytes;
        if (waitingAlready && overBudget) {
            outlet.discardQueued();
            return false;
        }
        return true;
    }

    /** True when fewer than {@code frames} wait for the client, or nothing can wait yet. */
    boolean holdsFewerThan(int frames) {
        return outlet == null || outlet.queuedFrames() < frames;
    }

    /** The session hears {@link SessionActor.Drained} once fewer than {@code frames} wait. */
    void notifyWhenBelow(int frames) {
        outlet.notifyWhenBelow(frames);
    }

    /** Sends what is queued, then closes the sending side; once only. */
    void close() {
        if (outlet != null && !closeSent) {
            outlet.close();
            closeSent = true;
        }
    }

    /** Resets the connection, even one asked to close whose peer does not take its last frames. */
    void reset(String reason) {
        if (outlet != null) {
            outlet.abort(reason);
            closeSent = true;
        }
    }

    /** Resets the connection unless it was asked to close already. */
    void resetUnlessClosed(String reason) {
        if (outlet != null && !closeSent) {
            outlet.abort(reason);
        }
    }
}
