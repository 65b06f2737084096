package chat.bench.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A comparison table: one row per measure, a column per server (ours on each store that ran, the
 * baseline), and the ratio of our first column to the baseline's.
 */
final class Table {

    /** Which way is better for a measure; it decides nothing but the row's label. */
    enum Better { HIGHER, LOWER, NEITHER }

    private record Row(String measure, Better better, Map<ServerKind, String> cells, String ratio) {}

    private final String title;
    private final List<ServerKind> columns;
    /** Columns of servers that were not run, each with the reason shown in every row. */
    private final Map<ServerKind, String> absent = new EnumMap<>(ServerKind.class);
    /** Columns a scenario names for what it compares, instead of the server's usual heading. */
    private final Map<ServerKind, String> headings = new EnumMap<>(ServerKind.class);
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Table(String title, Collection<ServerKind> servers) {
        this.title = title;
        this.columns = new ArrayList<>(new TreeSet<>(servers));
    }

    String title() {
        return title;
    }

    /**
     * Adds a column for {@code server}, which this scenario does not run: every row says
     * {@code why}. Called before the first row.
     */
    Table absent(ServerKind server, String why) {
        absent.put(server, why);
        if (!columns.contains(server)) {
            columns.add(server);
            columns.sort(null);
        }
        return this;
    }

    /** Heads {@code server}'s column with {@code heading}, which says what this scenario compares. */
    Table heading(ServerKind server, String heading) {
        headings.put(server, heading);
        return this;
    }

    Table row(String measure, Better better, ToDoubleFunction<ServerKind> value) {
        Map<ServerKind, String> cells = new EnumMap<>(ServerKind.class);
        for (ServerKind server : columns) {
            cells.put(server, absent.containsKey(server) ? absent.get(server) : format(value.applyAsDouble(server)));
        }
        String ratio = "–";
        ServerKind ours = ratioColumn();
        if (ours != null) {
            double numerator = value.applyAsDouble(ours);
            double denominator = value.applyAsDouble(ServerKind.BASELINE);
            if (!Double.isNaN(numerator) && !Double.isNaN(denominator) && denominator != 0) {
                ratio = ratio(numerator / denominator);
            }
        }
        rows.add(new Row(measure, better, cells, ratio));
        return this;
    }

    Table text(String measure, Function<ServerKind, String> value) {
        Map<ServerKind, String> cells = new EnumMap<>(ServerKind.class);
        for (ServerKind server : columns) {
            cells.put(server, absent.containsKey(server) ? absent.get(server) : value.apply(server));
        }
        rows.add(new Row(measure, Better.NEITHER, cells, "–"));
        return this;
    }

    /** A line printed under the table: detail that does not fit a row. */
    Table note(String line) {
        notes.add(line);
        return this;
    }

    String markdown() {
        ServerKind ours = ratioColumn();
        StringBuilder out = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (ServerKind server : columns) {
            out.append(' ').append(headingOf(server)).append(" |");
            rule.append("---:|");
        }
        if (ours != null) {
            out.append(' ').append(headingOf(ours)).append(" ÷ baseline |");
            rule.append("---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (Row row : rows) {
            String hint = switch (row.better) {
                case HIGHER -> " (higher is better)";
                case LOWER -> " (lower is better)";
                case NEITHER -> "";
            };
            out.append("| ").append(row.measure).append(hint).append(" |");
            for (ServerKind server : columns) {
                out.append(' ').append(row.cells.get(server)).append(" |");
            }
            if (ours != null) {
                out.append(' ').append(row.ratio).append(" |");
            }
            out.append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append(note).append('\n');
            }
        }
        return out.toString();
    }

    /** The heading of {@code server}'s column in this table. */
    String headingOf(ServerKind server) {
        return headings.getOrDefault(server, server.heading);
    }

    /** Our first column, when the baseline ran beside it; null when there is nothing to compare. */
    private ServerKind ratioColumn() {
        if (!columns.contains(ServerKind.BASELINE) || absent.containsKey(ServerKind.BASELINE)) {
            return null;
        }
        return columns.stream().filter(ServerKind::isOurs).filter(server -> !absent.containsKey(server))
                .findFirst().orElse(null);
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
