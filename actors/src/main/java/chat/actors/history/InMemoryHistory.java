package chat.actors.history;

import chat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;

/** Keeps the newest {@code keepPerRoom} messages of each room in memory, in a ring. */
public final class InMemoryHistory implements HistoryStore {

    private final int keepPerRoom;

    public InMemoryHistory(int keepPerRoom) {
        this.keepPerRoom = keepPerRoom;
    }

    @Override
    public RoomHistory open(String roomKey) {
        return new Ring(keepPerRoom);
    }

    private static final class Ring implements RoomHistory {
        private final ServerFrame.Message[] slots;
        private int size;
        private int next;

        Ring(int capacity) {
            this.slots = new ServerFrame.Message[Math.max(capacity, 0)];
        }

        @Override
        public void append(ServerFrame.Message message) {
            if (slots.length == 0) {
                return;
            }
            slots[next] = message;
            next = (next + 1) % slots.length;
            size = Math.min(size + 1, slots.length);
        }

        @Override
        public long lastSeq() {
            return size == 0 ? 0 : newest(0).seq();
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public List<ServerFrame.Message> latest(int count) {
            return newestMatching(Long.MIN_VALUE, Long.MAX_VALUE, count);
        }

        @Override
        public List<ServerFrame.Message> after(long since, int cap) {
            return newestMatching(since, Long.MAX_VALUE, cap);
        }

        @Override
        public List<ServerFrame.Message> before(long before, int limit) {
            return newestMatching(Long.MIN_VALUE, before, limit);
        }

        /** The newest {@code count} messages with {@code above < seq < below}, oldest first. */
        private List<ServerFrame.Message> newestMatching(long above, long below, int count) {
            List<ServerFrame.Message> picked = new ArrayList<>();
            for (int age = 0; age < size && picked.size() < count; age++) {
                ServerFrame.Message message = newest(age);
                if (message.seq() <= above) {
                    break;
                }
                if (message.seq() < below) {
                    picked.add(message);
                }
            }
            java.util.Collections.reverse(picked);
            return picked;
        }

        private ServerFrame.Message newest(int age) {
            return slots[Math.floorMod(next - 1 - age, slots.length)];
        }
    }
}
