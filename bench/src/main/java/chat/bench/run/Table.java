package chat.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A comparison table: one row per measure, ours against the baseline, and their ratio. */
final class Table {

    /** Which way is better for a measure; it decides nothing but the row's label. */
    enum Better { HIGHER, LOWER, NEITHER }

    private record Row(String measure, Better better, String ours, String baseline, String ratio) {}

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Table(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    Table row(String measure, Better better, double ours, double baseline) {
        String ratio = Double.isNaN(ours) || Double.isNaN(baseline) || baseline == 0 ? "–" : ratio(ours / baseline);
        rows.add(new Row(measure, better, format(ours), format(baseline), ratio));
        return this;
    }

    Table text(String measure, String ours, String baseline) {
        rows.add(new Row(measure, Better.NEITHER, ours, baseline, "–"));
        return this;
    }

    /** A line printed under the table: detail that does not fit a row. */
    Table note(String line) {
        notes.add(line);
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| measure | ours | baseline | ours ÷ baseline |\n|---|---:|---:|---:|\n");
        for (Row row : rows) {
            String hint = switch (row.better) {
                case HIGHER -> " (higher is better)";
                case LOWER -> " (lower is better)";
                case NEITHER -> "";
            };
            out.append("| ").append(row.measure).append(hint).append(" | ").append(row.ours).append(" | ")
                    .append(row.baseline).append(" | ").append(row.ratio).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append(note).append('\n');
            }
        }
        return out.toString();
    }

    private static String ratio(double value) {
        return value >= 100 ? format(value) + "×" : String.format(Locale.ROOT, "%.2f×", value);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
