package chat.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts a byte stream into frames at {@code \n}, before any decoding: the first stage of every
 * reader, so that a line is measured in bytes and never buffered past the limit.
 *
 * <p>A {@code \r} right before the {@code \n} is dropped (CRLF is accepted); empty lines are
 * skipped. A line longer than the limit (newline excluded) is reported once through
 * {@link Sink#tooLong}, after which all input is ignored: the JSON contract closes that
 * connection. A splitter {@link #skippingLongLines skipping long lines} (IRC's way) drops the
 * rest of that line instead and goes on with the next. Not thread-safe: one per connection.
 */
public final class LineSplitter {

    /** Receives what the splitter finds, in order. */
    public interface Sink {
        void line(byte[] bytes);

        void tooLong(int limit);
    }

    private static final int INITIAL_CAPACITY = 256;
    private static final byte[] NO_PARTIAL_LINE = new byte[0];

    private int limit;
    private final boolean skipsLongLines;
    /** Only while a line is unfinished: most connections are idle most of the time, and hold none. */
    private byte[] buffer = NO_PARTIAL_LINE;
    private int length;
    private boolean overflowed;
    /** Dropping the rest of a long line, up to its newline. */
    private boolean skipping;

    public LineSplitter(int limit) {
        this(limit, false);
    }

    private LineSplitter(int limit, boolean skipsLongLines) {
        this.limit = limit;
        this.skipsLongLines = skipsLongLines;
    }

    /** A splitter that reports a long line, drops it up to its newline and reads on. */
    public static LineSplitter skippingLongLines(int limit) {
        return new LineSplitter(limit, true);
    }

    /** Changes the limit for the line being read and those after it. */
    public void limit(int newLimit) {
        this.limit = newLimit;
    }

    public int limit() {
        return limit;
    }

    public void feed(ByteBuffer chunk, Sink sink) {
        while (chunk.hasRemaining() && !overflowed) {
            byte b = chunk.get();
            if (skipping) {
                skipping = b != '\n';
            } else if (b == '\n') {
                emit(sink);
            } else {
                append(b, sink);
            }
        }
        if (length == 0) {
            buffer = NO_PARTIAL_LINE;
        }
    }

    public void feed(byte[] bytes, int offset, int count, Sink sink) {
        feed(ByteBuffer.wrap(bytes, offset, count), sink);
    }

    /** Bytes of an unfinished line, so a reader can tell a clean end of stream from a cut frame. */
    public boolean hasPartialLine() {
        return length > 0;
    }

    private void append(byte b, Sink sink) {
        // One byte of slack: a trailing CR of CRLF does not count against the limit.
        if (length >= limit + 1 || (length == limit && b != '\r')) {
            overflowed = !skipsLongLines;
            skipping = skipsLongLines;
            buffer = NO_PARTIAL_LINE;
            length = 0;
            sink.tooLong(limit);
            return;
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(Math.max(buffer.length * 2, INITIAL_CAPACITY), limit + 1));
        }
        buffer[length++] = b;
    }

    private void emit(Sink sink) {
        int end = length;
        if (end > 0 && buffer[end - 1] == '\r') {
            end--;
        }
        if (end > limit) {
            overflowed = !skipsLongLines;
            length = 0;
            sink.tooLong(limit);
            return;
        }
        length = 0;
        if (end > 0) {
            sink.line(Arrays.copyOf(buffer, end));
        }
    }
}
