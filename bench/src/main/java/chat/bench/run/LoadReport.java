package chat.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The {@code key=value} report of one load-generator process. */
record LoadReport(Map<String, String> values) {

    static LoadReport read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new LoadReport(values);
    }

    double number(String key) {
        String value = values.get(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    /** What the load generator measured at each of its rate steps, in order, each read by {@code step}'s number. */
    <T> List<T> steps(IntFunction<T> step) {
        List<T> steps = new ArrayList<>();
        for (int number = 0; has("step." + number + ".sustained"); number++) {
            steps.add(step.apply(number));
        }
        return steps;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key) {
        return values.getOrDefault(key, "");
    }

    /** The entries whose key starts with {@code prefix}, prefix removed. */
    Map<String, String> under(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    /** The sum of {@code key} over several load generators that shared one run. */
    static double sum(List<LoadReport> reports, String key) {
        return reports.stream().mapToDouble(report -> report.has(key) ? report.number(key) : 0).sum();
    }

    static double max(List<LoadReport> reports, String key) {
        return reports.stream().mapToDouble(report -> report.number(key)).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }
}
