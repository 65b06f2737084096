package chat.bench.load;

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
    final LongAdder expected = new LongAdder();
    final LongAdder delivered = new LongAdder();
    /** Every message a slow reader got while this step ran, measured or not: it reads far behind. */
    final LongAdder slowDelivered = new LongAdder();

    Step(double messagesPerSecond, long start, double warmupSeconds, double measureSeconds, int[] measuredMembers) {
        this.messagesPerSecond = messagesPerSecond;
        this.start = start;
        this.windowStart = start + (long) (warmupSeconds * NANOS_PER_SECOND);
        this.windowEnd = windowStart + (long) (measureSeconds * NANOS_PER_SECOND);
        this.measuredMembers = measuredMembers;
    }

    boolean measures(long intendedSendTime) {
        return intendedSendTime >= windowStart && intendedSendTime < windowEnd;
    }

    void recordDelivery(long intendedSendTime, long receivedAt) {
        if (measures(intendedSendTime)) {
            long micros = Math.max(0, (receivedAt - intendedSendTime) / NANOS_PER_MICRO);
            latencyMicros.recordValue(Math.min(micros, HIGHEST_MICROS));
            delivered.increment();
        }
    }

    void recordSend(long intendedSendTime, int roomIndex) {
        if (measures(intendedSendTime)) {
            sent.increment();
            expected.add(measuredMembers[roomIndex]);
        }
    }
}
