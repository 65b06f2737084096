package chat.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** What happened to the connections, summed over all reactors. */
final class Outcomes {

    private static final long HIGHEST_CONNECT_MICROS = 600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    final LongAdder ready = new LongAdder();
    final LongAdder settled = new LongAdder();
    final AtomicLong lastReadyAt = new AtomicLong();
    /** From starting the TCP connect to the client being in its room (or welcomed, when idle). */
    final Recorder connectMicros = new Recorder(HIGHEST_CONNECT_MICROS, SIGNIFICANT_DIGITS);
    final Tally connectFailures = new Tally();
    final Tally disconnects = new Tally();
    /** What became of the slow readers, kept apart so that {@link #disconnects} counts everyone else. */
    final Tally slowReaderFate = new Tally();
    final Tally errors = new Tally();
    final Tally unreadable = new Tally();
    final LongAdder deliveries = new LongAdder();
    /** Senders' own lines back, warm-up included: lines our server stored during the whole run. */
    final LongAdder echoes = new LongAdder();
    final LongAdder seqGaps = new LongAdder();
    final LongAdder pongs = new LongAdder();
    /** Ready clients that send (active, not slow readers). */
    final LongAdder readySenders = new LongAdder();
    /** Ready clients whose deliveries are measured, by room index. */
    final AtomicLongArray measuredInRoom;

    Outcomes(int rooms) {
        measuredInRoom = new AtomicLongArray(rooms);
    }

    int[] measuredMembers() {
        int[] members = new int[measuredInRoom.length()];
        for (int room = 0; room < members.length; room++) {
            members[room] = (int) measuredInRoom.get(room);
        }
        return members;
    }
}
