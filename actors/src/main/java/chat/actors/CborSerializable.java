package chat.actors;

/**
 * Marks what Pekko stores or sends between nodes: bound to Jackson CBOR in reference.conf, so no
 * stored record ever depends on Java serialization.
 */
public interface CborSerializable {}
