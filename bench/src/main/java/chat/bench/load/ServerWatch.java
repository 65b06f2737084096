package chat.bench.load;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the server process a few times a second for its peak resident memory and thread count. */
final class ServerWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 200;

    private final long pid;
    private final AtomicLong peakRss = new AtomicLong();
    private final AtomicInteger peakThreads = new AtomicInteger();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "server-watch");
        thread.setDaemon(true);
        return thread;
    });

    ServerWatch(long pid) {
        this.pid = pid;
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    ProcessStats now() {
        return ProcessStats.of(pid);
    }

    long peakRssBytes() {
        return peakRss.get();
    }

    int peakThreads() {
        return peakThreads.get();
    }

    private void sample() {
        ProcessStats stats = ProcessStats.of(pid);
        peakRss.accumulateAndGet(stats.rssBytes(), Math::max);
        peakThreads.accumulateAndGet(stats.threads(), Math::max);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
