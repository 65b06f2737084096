package chat.actors;

import chat.protocol.ServerFrame;
import chat.protocol.ServerFrameEncoder;
import org.apache.pekko.util.ByteString;

/**
 * Where a client's bytes leave for it. Its session offers answers here, and its node's
 * {@link NodeFanOut} offers its rooms' events and whispers here, without a message per frame; the
 * connection takes them in order, as fast as the client reads. What waits is bounded
 * ({@code limits.max-outbound} frames and {@code limits.max-outbound-bytes}): the offer that finds a client that far behind drops what
 * waits, every later offer is dropped too, and the session hears {@link SessionActor.FellBehind}
 * so it can say {@code bye} with {@link #offerLast}.
 *
 * <p>This is a handle, not data: it stands for the socket, which lives on the session's own
 * machine, so the messages that carry it never cross to another node. Safe to call from any
 * thread.
 */
public interface ConnectionOutlet {

    /**
     * The encoder of the rooms' events for this connection: shared by every connection that sees
     * them alike, so whoever offers encodes once for all of them.
     */
    ServerFrameEncoder encoder();

    /**
     * A frame meant for this connection alone (an answer, a whisper, a joined room) in its wire
     * protocol, which may word it for this client (IRC names the client's nick); by default
     * as the rooms' events are encoded.
     */
    default byte[] encodeOwn(ServerFrame frame) {
        return encoder().encode(frame);
    }

    /** Queues {@code count} whole frames behind those offered before, unless the client fell behind or the connection is closing. */
    void offer(ByteString frames, int count);

    /**
     * Encodes {@code frame} with {@link #encodeOwn} and queues it, as {@link #offer(ByteString, int)}
     * does; a frame the protocol shows nothing for is not queued.
     */
    default void offer(ServerFrame frame) {
        byte[] encoded = encodeOwn(frame);
        if (encoded.length > 0) {
            offer(ByteString.fromArrayUnsafe(encoded), 1);
        }
    }

    /** Queues the connection's last frame (a {@code bye}), even for a client that fell behind; later offers are dropped. */
    void offerLast(ByteString frame);

    /** Frames offered and not yet taken towards the socket. */
    int queuedFrames();

    /**
     * Tells the session {@link SessionActor.Drained} once fewer than {@code frames} are queued
     * (at once if that is already so). One request at a time; a new one replaces the last.
     */
    void notifyWhenBelow(int frames);

    /** Sends what is queued, then closes the connection's sending side; later offers are dropped. */
    void close();

    /** Resets the connection at once, dropping what is unsent: for peers that stopped reading. */
    void abort(String reason);
}
