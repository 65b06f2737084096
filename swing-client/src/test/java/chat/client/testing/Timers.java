package chat.client.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A timer thread for tests that do not wait for it; daemon, so it never holds the JVM. */
public final class Timers {

    private Timers() {}

    public static ScheduledExecutorService daemon() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "test-timer");
            thread.setDaemon(true);
            return thread;
        });
    }
}
