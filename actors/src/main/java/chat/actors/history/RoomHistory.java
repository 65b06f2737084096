package chat.actors.history;

import chat.protocol.ServerFrame;
import java.util.List;

/** One room's messages in {@code seq} order; every list returned is oldest first. */
public interface RoomHistory {

    void append(ServerFrame.Message message);

    /** The seq of the newest message kept, or 0 when the room has never had one. */
    long lastSeq();

    boolean isEmpty();

    /** The newest {@code count} messages. */
    List<ServerFrame.Message> latest(int count);

    /** The newest {@code cap} messages with {@code seq > since}. */
    List<ServerFrame.Message> after(long since, int cap);

    /** The newest {@code limit} messages with {@code seq < before}. */
    List<ServerFrame.Message> before(long before, int limit);
}
