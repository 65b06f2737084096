package chat.bench.load;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * One measured load level: senders start at {@code start}; messages whose intended send time falls
 * in [{@code windowStart}, {@code windowEnd}) are measured, the ones before are warm-up. Latency is
 * receive time minus intended send time, so a late send counts against the server it waited for.
 */
final class Step {

    static final long NANOS_PER_MICRO = 1_000;
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** An hour, far past any latency worth distinguishing. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    final double messagesPerSecond;
    final long start;
    final long windowStart;
    final long windowEnd;
    /** Members of each room that are measured, by room index; a message is expected once by each. */
    final int[] measuredMembers;
    final Recorder latencyMicros = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    final LongAdder sent = new LongAdder();
    /** Every message sent in this step, warm-up included: what the server handled while it ran. */
    final LongAdder said = new LongAdder();
    final LongAdder expected = new LongAdder();
    final LongAdder delivered = new LongAdder();
    /** Every message a slow reader got while this step ran, measured or not: it reads far behind. */
    final LongAdder slowDelivered = new LongAdder();
    /**
     * Echoes: a sender's own line back, which our server sends only once the line is stored; from
     * intended send time to the echo.
     */
    final Recorder echoMicros = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    final LongAdder echoed = new LongAdder();
    /** Measured lines sent and echoed, by room index. */
    final AtomicLongArray sentInRoom;
    final AtomicLongArray echoedInRoom;

    Step(double messagesPerSecond, long start, double warmupSeconds, double measureSeconds, int[] measuredMembers) {
        this.messagesPerSecond = messagesPerSecond;
        this.start = start;
        this.windowStart = start + (long) (warmupSeconds * NANOS_PER_SECOND);
        this.windowEnd = windowStart + (long) (measureSeconds * NANOS_PER_SECOND);
        this.measuredMembers = measuredMembers;
        this.sentInRoom = new AtomicLongArray(measuredMembers.length);
        this.echoedInRoom = new AtomicLongArray(measuredMembers.length);
    }

    boolean measures(long intendedSendTime) {
        return intendedSendTime >= windowStart && intendedSendTime < windowEnd;
    }

    void recordDelivery(long intendedSendTime, long receivedAt) {
        if (measures(intendedSendTime)) {
            latencyMicros.recordValue(Math.min(micros(intendedSendTime, receivedAt), HIGHEST_MICROS));
            delivered.increment();
        }
    }

    void recordSend(long intendedSendTime, int roomIndex) {
        said.increment();
        if (measures(intendedSendTime)) {
            sent.increment();
            sentInRoom.incrementAndGet(roomIndex);
            expected.add(measuredMembers[roomIndex]);
        }
    }

    void recordEcho(long intendedSendTime, long receivedAt, int roomIndex) {
        if (measures(intendedSendTime)) {
            echoMicros.recordValue(Math.min(micros(intendedSendTime, receivedAt), HIGHEST_MICROS));
            echoed.increment();
            echoedInRoom.incrementAndGet(roomIndex);
        }
    }

    private static long micros(long intendedSendTime, long receivedAt) {
        return Math.max(0, (receivedAt - intendedSendTime) / NANOS_PER_MICRO);
    }
}
