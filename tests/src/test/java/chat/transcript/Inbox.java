package chat.transcript;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What one client has received and not yet looked at. Bytes are cut at {@code \n} only, with no
 * tolerance: a stray {@code \r} or an empty line shows up as a frame the transcript rejects.
 * Fed by a socket reader thread or an actor, read by the test thread.
 */
final class Inbox {

    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    synchronized void bytes(byte[] chunk, int offset, int length) {
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

    synchronized void closed() {
        if (partial.size() > 0) {
            arrivals.add(new Arrival.Line(partial.toByteArray()));
            partial.reset();
        }
        arrivals.add(new Arrival.Closed());
    }

    /** The next arrival, or null when none comes within {@code timeout}. */
    Arrival next(Duration timeout) throws InterruptedException {
        return arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything that has arrived and not been taken, without waiting. */
    List<Arrival> drain() {
        List<Arrival> out = new ArrayList<>();
        arrivals.drainTo(out);
        return out;
    }
}
