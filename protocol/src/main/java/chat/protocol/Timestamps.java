package chat.protocol;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;

/** The wire form of {@code ts}: UTC, ISO-8601, always with milliseconds. */
public final class Timestamps {

    private static final DateTimeFormatter WIRE = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private Timestamps() {}

    public static String format(Instant instant) {
        return WIRE.format(instant);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** Now, at the precision the wire carries, so a stored time and its echo are equal. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
