package chat.bench.load;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the server's processes (one, or a cluster's nodes) a few times a second for their peak
 * resident memory and thread count, added up over the processes.
 */
final class ServerWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 200;

    private final List<Long> pids;
    private final AtomicLong peakRss = new AtomicLong();
    private final AtomicInteger peakThreads = new AtomicInteger();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "server-watch");
        thread.setDaemon(true);
        return thread;
    });

    ServerWatch(List<Long> pids) {
        this.pids = List.copyOf(pids);
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** All the server's processes together. */
    ProcessStats now() {
        return ProcessStats.sum(each());
    }

    /** Each of the server's processes, in the order given. */
    List<ProcessStats> each() {
        return pids.stream().map(ProcessStats::of).toList();
    }

    long peakRssBytes() {
        return peakRss.get();
    }

    int peakThreads() {
        return peakThreads.get();
    }

    private void sample() {
        ProcessStats stats = now();
        peakRss.accumulateAndGet(stats.rssBytes(), Math::max);
        peakThreads.accumulateAndGet(stats.threads(), Math::max);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
