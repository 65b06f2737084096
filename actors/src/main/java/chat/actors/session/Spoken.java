package chat.actors.session;

import java.time.Duration;

/** Settings as people read them in error messages and {@code welcome}. */
public final class Spoken {

    private static final long MILLIS_PER_SECOND = 1000;

    private Spoken() {}

    /** "10 s", or "500 ms" for less than a second. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % MILLIS_PER_SECOND == 0 ? millis / MILLIS_PER_SECOND + " s" : millis + " ms";
    }

    /** Whole seconds for the wire, rounded up so that a sub-second heartbeat never reads as 0. */
    public static int wholeSeconds(Duration duration) {
        return (int) Math.max(1, (duration.toMillis() + MILLIS_PER_SECOND - 1) / MILLIS_PER_SECOND);
    }
}
