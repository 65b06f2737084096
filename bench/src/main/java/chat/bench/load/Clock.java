package chat.bench.load;

/**
 * Nanoseconds since this load generator started. Send times travel to the server and back inside
 * the message text, so sending and receiving read the same clock in the same JVM.
 */
final class Clock {

    private static final long EPOCH = System.nanoTime();

    private Clock() {}

    static long now() {
        return System.nanoTime() - EPOCH;
    }
}
