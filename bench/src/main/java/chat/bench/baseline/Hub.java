package chat.bench.baseline;

import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import chat.protocol.Timestamps;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All shared state of the lab design behind one global lock: the rooms and the queue of frames
 * waiting for the broadcaster, signalled through one condition variable. Every frame a client
 * gets goes through this queue, so each client sees frames in the order they were queued.
 */
final class Hub {

    private static final List<ServerFrame.Message> NO_HISTORY = List.of();
    private static final String NO_TOPIC = "";
    /** The lab's rooms live in memory only: one history per run, named by when the hub started. */
    private final String epoch = Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final Map<String, Room> rooms = new HashMap<>();
    private final FrameCodec codec = new FrameCodec();
    private final String defaultRoom;

    Hub(String defaultRoom) {
        this.defaultRoom = defaultRoom;
    }

    /** The room every client joins on hello, or null for none. */
    String defaultRoom() {
        return defaultRoom;
    }

    void reply(Connection connection, ServerFrame frame) {
        byte[] bytes = codec.encode(frame);
        lock.lock();
        try {
            enqueue(Outgoing.to(connection, bytes));
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code frame}, then closes the connection. */
    void replyAndClose(Connection connection, ServerFrame frame) {
        byte[] bytes = codec.encode(frame);
        lock.lock();
        try {
            enqueue(Outgoing.lastTo(connection, bytes));
        } finally {
            lock.unlock();
        }
    }

    void join(Connection connection, String room, String requestId) {
        lock.lock();
        try {
            Room joined = rooms.computeIfAbsent(room, name -> new Room());
            if (!joined.contains(connection)) {
                joined.add(connection);
            }
            ServerFrame.Joined frame = new ServerFrame.Joined(room, NO_TOPIC, joined.nicks(), NO_HISTORY, epoch, requestId);
            enqueue(Outgoing.to(connection, codec.encode(frame)));
        } finally {
            lock.unlock();
        }
    }

    /** False when the sender is not in the room. */
    boolean say(Connection sender, String room, String text, String requestId) {
        lock.lock();
        try {
            Room target = rooms.get(room);
            if (target == null || !target.contains(sender)) {
                return false;
            }
            ServerFrame.Message message =
                    new ServerFrame.Message(room, sender.nick(), text, target.nextSeq(), Timestamps.now(), null);
            byte[] forSender = requestId == null ? null : codec.encode(message.answering(requestId));
            byte[] forOthers = codec.encode(message);
            enqueue(new Outgoing(forOthers, target.members(), sender, forSender == null ? forOthers : forSender, false));
            return true;
        } finally {
            lock.unlock();
        }
    }

    void leaveAll(Connection connection) {
        lock.lock();
        try {
            rooms.values().removeIf(room -> room.remove(connection));
        } finally {
            lock.unlock();
        }
    }

    Outgoing awaitOutgoing() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                queued.await();
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Outgoing outgoing) {
        queue.add(outgoing);
        queued.signal();
    }

    /** Members as an array replaced on every change, so the broadcaster can walk it without the lock. */
    private static final class Room {
        private Connection[] members = new Connection[0];
        private long seq;

        long nextSeq() {
            return ++seq;
        }

        Connection[] members() {
            return members;
        }

        boolean contains(Connection connection) {
            for (Connection member : members) {
                if (member == connection) {
                    return true;
                }
            }
            return false;
        }

        void add(Connection connection) {
            members = Arrays.copyOf(members, members.length + 1);
            members[members.length - 1] = connection;
        }

        /** True when the room is left empty and may be forgotten. */
        boolean remove(Connection connection) {
            members = Arrays.stream(members).filter(member -> member != connection).toArray(Connection[]::new);
            return members.length == 0;
        }

        List<String> nicks() {
            return Arrays.stream(members).map(Connection::nick).toList();
        }
    }
}
