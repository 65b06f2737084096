package chat.actors;

import org.apache.pekko.util.ByteString;

/**
 * Where a session's bytes leave for its client. The session offers frames without waiting and
 * without a message per frame; the connection takes them in order, as fast as the client reads.
 *
 * <p>This is a handle, not data: it stands for the socket, which lives on the session's own
 * machine, so the {@link SessionActor.Connected} that carries it never crosses to another node.
 * Only the session calls it (from whichever thread runs the session at the time).
 */
public interface ConnectionOutlet {

    /** Queues {@code count} whole frames behind those offered before. */
    void offer(ByteString frames, int count);

    /** Frames offered and not yet taken towards the socket. */
    int queuedFrames();

    /** The bytes of {@link #queuedFrames()}. */
    long queuedBytes();

    /** Drops the frames not yet taken: a client that stopped reading will not read them. */
    void discardQueued();

    /**
     * Tells the session {@link SessionActor.Drained} once fewer than {@code frames} are queued
     * (at once if that is already so). One request at a time; a new one replaces the last.
     */
    void notifyWhenBelow(int frames);

    /** Sends what is queued, then closes the connection's sending side. */
    void close();

    /** Resets the connection at once, dropping what is unsent: for peers that stopped reading. */
    void abort(String reason);
}
