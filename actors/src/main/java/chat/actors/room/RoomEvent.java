package chat.actors.room;

import chat.actors.CborSerializable;
import java.time.Instant;

/**
 * The facts a room stores, from which its history, {@code seq}, topic and epoch come back after a
 * restart. They are a storage format of their own: the wire frames may change without touching
 * what is already stored.
 */
public sealed interface RoomEvent extends CborSerializable {

    /**
     * The first event of every room: its name as the creator spelled it, and the epoch that names
     * this history until it starts over.
     */
    record Opened(String name, String epoch) implements RoomEvent {}

    /** A line said in the room; {@code seq} counts the room's messages from 1 without gaps. */
    record MessagePosted(long seq, String from, String text, Instant ts) implements RoomEvent {}

    record TopicSet(String topic, String by) implements RoomEvent {}

    /** The room's rules (owner, ops, bans, modes) as they are from now on. */
    record RulesSet(RoomRules rules) implements RoomEvent {}
}
