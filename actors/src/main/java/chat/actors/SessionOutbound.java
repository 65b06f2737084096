package chat.actors;

import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * A session's side of its connection: the frames it answers with, encoded in the connection's
 * wire protocol, and the close. Rooms offer their events to the same {@link ConnectionOutlet}
 * directly; the outlet bounds what waits for the client.
 */
final class SessionOutbound {

    private ConnectionOutlet outlet;
    /** Frames written before the connection was ready: at most a bye, from a timeout or a shutdown. */
    private List<ServerFrame> beforeConnected;
    private boolean closeSent;

    void connect(ConnectionOutlet connected) {
        outlet = connected;
        if (beforeConnected != null) {
            beforeConnected.forEach(outlet::offer);
            beforeConnected = null;
        }
    }

    /** The connection, for the rooms this session joins; null before it is ready. */
    ConnectionOutlet outlet() {
        return outlet;
    }

    /** Queues a frame for the client; a client that fell too far behind has it dropped (and its session hears so). */
    void offer(ServerFrame frame) {
        if (outlet == null) {
            holdUntilConnected(frame);
        } else {
            outlet.offer(frame);
        }
    }

    /**
     * Queues the last frame the client gets (a bye), even behind a client that fell behind; the
     * outlet drops whatever is offered after it.
     */
    void offerLast(ServerFrame frame) {
        if (outlet == null) {
            holdUntilConnected(frame);
        } else {
            outlet.offerLast(ByteString.fromArrayUnsafe(outlet.encodeOwn(frame)));
        }
    }

    private void holdUntilConnected(ServerFrame frame) {
        if (beforeConnected == null) {
            beforeConnected = new ArrayList<>(1);
        }
        beforeConnected.add(frame);
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
