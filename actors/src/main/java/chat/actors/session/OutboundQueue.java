package chat.actors.session;

import java.util.ArrayDeque;
import org.apache.pekko.util.ByteString;

/**
 * Frames waiting for the connection: while one write is in flight, later frames queue here and
 * leave together as the next write, so a busy room costs one socket write per batch.
 */
public final class OutboundQueue {

    private final ArrayDeque<ByteString> frames = new ArrayDeque<>();
    private long bytes;

    public void add(ByteString frame) {
        frames.addLast(frame);
        bytes += frame.size();
    }

    public int size() {
        return frames.size();
    }

    /** The bytes of all queued frames: one history page can weigh as much as a thousand chat lines. */
    public long bytes() {
        return bytes;
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    public void clear() {
        frames.clear();
        bytes = 0;
    }

    /** All queued frames as one write (a rope: no bytes are copied), leaving the queue empty. */
    public ByteString drain() {
        ByteString batch = frames.pollFirst();
        ByteString next;
        while ((next = frames.pollFirst()) != null) {
            batch = batch.concat(next);
        }
        bytes = 0;
        return batch;
    }
}
