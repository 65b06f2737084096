package chat.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The load generator's findings as {@code key=value} lines, in the order they were found. */
final class Report {

    private final Map<String, String> values = new LinkedHashMap<>();

    void put(String key, String value) {
        values.put(key, value.replace('\n', ' '));
    }

    void put(String key, long value) {
        put(key, Long.toString(value));
    }

    void put(String key, double value) {
        put(key, String.format(Locale.ROOT, "%.3f", value));
    }

    void putAll(String prefix, Map<String, Long> counts) {
        counts.forEach((what, count) -> put(prefix + "." + what.replace('=', ':'), count));
    }

    String text() {
        return values.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    void writeTo(Path file) throws IOException {
        Files.writeString(file, text());
    }
}
