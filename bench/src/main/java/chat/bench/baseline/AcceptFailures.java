package chat.bench.baseline;

/** Reports why connections could not be taken, at most once a second, with a running count. */
final class AcceptFailures {

    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

    private long count;
    private long lastReport = System.nanoTime() - REPORT_INTERVAL_NANOS;

    void report(Throwable failure) {
        count++;
        long now = System.nanoTime();
        if (now - lastReport >= REPORT_INTERVAL_NANOS) {
            lastReport = now;
            System.err.println("baseline cannot take a connection (" + count + " so far): " + failure);
        }
    }
}
