package chat.client.model;

import java.time.Duration;

/** How long to wait before each reconnect attempt: doubling from {@code first}, never above {@code max}. */
public record ReconnectPolicy(Duration first, Duration max) {

    /** Quick enough that a restarted server finds its users back at once, patient with one that is down. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The wait before attempt number {@code attempt} (1 for the first). */
    public Duration delay(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
