package chat.actors;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;

/**
 * Marks a message that never leaves its node: a timer, a stream's signal, or one that carries a
 * node-local handle such as a {@link ConnectionOutlet}. The tests run with
 * {@code pekko.actor.serialize-messages = on}, which serializes every other message sent, so one
 * that may cross to another node and has no binding fails a test, not a cluster.
 */
public interface LocalOnly extends NoSerializationVerificationNeeded {}
