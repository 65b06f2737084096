package chat.bench.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The messages this JVM sent to other nodes since it started, by class, written to the file named
 * by {@value #FILE_PROPERTY} every {@link RemoteCountsFile#WRITE_PERIOD_MILLIS} ms and once more
 * when the JVM stops, so that a load generator in another process can read them between its steps.
 */
final class SentRemoteMessages {

    /** The system property naming the file; without it, nothing is written. */
    static final String FILE_PROPERTY = "bench.remote-counts.file";

    private static final Map<String, LongAdder> SENT = new ConcurrentHashMap<>();

    static {
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null) {
            startWriting(Path.of(file));
        }
    }

    private SentRemoteMessages() {}

    static void count(String messageClass) {
        SENT.computeIfAbsent(messageClass, name -> new LongAdder()).increment();
    }

    /** What was sent so far, by class. */
    static Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        SENT.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }

    private static void startWriting(Path file) {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-remote-counts");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleAtFixedRate(() -> write(file), 0, RemoteCountsFile.WRITE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(file), "bench-remote-counts-last"));
    }

    private static void write(Path file) {
        try {
            RemoteCountsFile.write(file, snapshot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
