package chat.transcript;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * What one client has received and not yet looked at. Bytes are cut at {@code \n} only, with no
 * tolerance: a stray {@code \r} or an empty line shows up as a frame the transcript rejects.
 * The connection's end ({@link Arrival.Closed} or {@link Arrival.Reset}) comes last, once.
 * Fed by a socket reader thread or an actor, read by the test thread.
 */
final class Inbox {

    private final BlockingDeque<Arrival> arrivals = new LinkedBlockingDeque<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean ended;

    synchronized void bytes(byte[] chunk, int offset, int length) {
        if (ended) {
            return;
        }
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (chunk[i] == '\n') {
                partial.write(chunk, start, i - start);
                arrivals.add(new Arrival.Line(partial.toByteArray()));
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(chunk, start, offset + length - start);
    }

    /** The server closed the connection in order; a last line without its newline still counts as a frame. */
    synchronized void closed() {
        end(new Arrival.Closed());
    }

    /** The connection was reset. */
    synchronized void reset() {
        end(new Arrival.Reset());
    }

    private void end(Arrival end) {
        if (ended) {
            return;
        }
        ended = true;
        if (partial.size() > 0) {
            arrivals.add(new Arrival.Line(partial.toByteArray()));
            partial.reset();
        }
        arrivals.add(end);
    }

    /** The next arrival, or null when none comes within {@code timeout}. */
    Arrival next(Duration timeout) throws InterruptedException {
        return arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Puts an arrival taken with {@link #next} back in front, for the next line to look at. */
    void putBack(Arrival arrival) {
        arrivals.addFirst(arrival);
    }

    /** Everything that has arrived and not been taken, without waiting. */
    List<Arrival> drain() {
        List<Arrival> out = new ArrayList<>();
        arrivals.drainTo(out);
        return out;
    }
}
