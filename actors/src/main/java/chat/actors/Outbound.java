package chat.actors;

import org.apache.pekko.util.ByteString;

/**
 * What a {@link SessionActor} tells its connection's writer. The writer acknowledges every
 * {@link Write} with {@link SessionActor.Written}; the session sends the next one only then.
 */
public sealed interface Outbound {

    /** Bytes of one or more whole frames. */
    record Write(ByteString bytes) implements Outbound {}

    /** Send what was written, then close the connection. */
    record Close() implements Outbound {}

    /** Reset the connection at once, dropping whatever is unsent: for peers that stopped reading. */
    record Abort(String reason) implements Outbound {}
}
