package chat.actors.room;

import chat.protocol.ProtocolLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The newest messages of a room in use, in a ring: what {@code joined} and {@code join {since}}
 * are answered from without asking the store, so a join is one step and its snapshot atomic. It
 * holds as many as {@code since} may ask for, or as retention keeps if that is fewer; older pages
 * of history come from the store.
 */
public final class RecentMessages {

    private final RoomEvent.MessagePosted[] slots;
    private int size;
    private int next;
    /** Every message with a greater seq that the room has is held here; older ones only in the store. */
    private long coveredAfter;

    /**
     * {@code stored} are the newest messages the store holds, oldest first; when they are fewer
     * than the ring holds, they are all there is.
     */
    public RecentMessages(int capacity, List<RoomEvent.MessagePosted> stored) {
        this.slots = new RoomEvent.MessagePosted[capacity];
        stored.forEach(this::append);
        if (size == slots.length) {
            coveredAfter = newest(size - 1).seq() - 1;
        }
    }

    /** Messages kept at hand: what since may ask for, unless retention keeps {@code retainMessages} (not 0) fewer. */
    public static int capacity(long retainMessages) {
        return (int) (retainMessages > 0 ? Math.min(retainMessages, ProtocolLimits.MAX_SINCE_MESSAGES)
                : ProtocolLimits.MAX_SINCE_MESSAGES);
    }

    public void append(RoomEvent.MessagePosted message) {
        if (size == slots.length) {
            coveredAfter = slots[next].seq();
        }
        slots[next] = message;
        next = (next + 1) % slots.length;
        size = Math.min(size + 1, slots.length);
    }

    /** Whether every message from {@code seq} on that the room has is held here. */
    public boolean holdsFrom(long seq) {
        return seq > coveredAfter;
    }

    /** The newest {@code count} messages. */
    public List<RoomEvent.MessagePosted> latest(int count) {
        return newestMatching(Long.MIN_VALUE, Long.MAX_VALUE, count);
    }

    /** The newest {@code cap} messages with {@code seq > since}. */
    public List<RoomEvent.MessagePosted> after(long since, int cap) {
        return newestMatching(since, Long.MAX_VALUE, cap);
    }

    /** The newest {@code limit} messages with {@code seq < before}. */
    public List<RoomEvent.MessagePosted> before(long before, int limit) {
        return newestMatching(Long.MIN_VALUE, before, limit);
    }

    /** The newest {@code count} messages with {@code above < seq < below}, oldest first. */
    private List<RoomEvent.MessagePosted> newestMatching(long above, long below, int count) {
        List<RoomEvent.MessagePosted> picked = new ArrayList<>();
        for (int age = 0; age < size && picked.size() < count; age++) {
            RoomEvent.MessagePosted message = newest(age);
            if (message.seq() <= above) {
                break;
            }
            if (message.seq() < below) {
                picked.add(message);
            }
        }
        Collections.reverse(picked);
        return picked;
    }

    private RoomEvent.MessagePosted newest(int age) {
        return slots[Math.floorMod(next - 1 - age, slots.length)];
    }
}
