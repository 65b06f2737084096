package chat.bench.run;

import chat.bench.run.Table.Better;

/** The rows every measured step gets: throughput, latency, losses and what the server spent. */
final class StepRows {

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private StepRows() {}

    static void add(Table table, LoadReport ours, LoadReport baseline, int step) {
        String key = "step." + step + ".";
        table.row("deliveries per second", Better.HIGHER, ours.number(key + "deliveries-per-second"), baseline.number(key + "deliveries-per-second"));
        table.row("latency p50, ms", Better.LOWER, ours.number(key + "ms.p50"), baseline.number(key + "ms.p50"));
        table.row("latency p99, ms", Better.LOWER, ours.number(key + "ms.p99"), baseline.number(key + "ms.p99"));
        table.row("latency p99.9, ms", Better.LOWER, ours.number(key + "ms.p999"), baseline.number(key + "ms.p999"));
        table.row("latency max, ms", Better.LOWER, ours.number(key + "ms.max"), baseline.number(key + "ms.max"));
        table.row("deliveries missing after the drain", Better.LOWER, ours.number(key + "missing"), baseline.number(key + "missing"));
        table.row("error frames", Better.LOWER, ours.number(key + "errors"), baseline.number(key + "errors"));
        table.row("clients disconnected", Better.LOWER, ours.number(key + "disconnects"), baseline.number(key + "disconnects"));
        table.row("seq gaps seen by clients", Better.LOWER, ours.number(key + "seq-gaps"), baseline.number(key + "seq-gaps"));
        table.row("server CPU, % of one core", Better.LOWER, ours.number(key + "server-cpu-percent"), baseline.number(key + "server-cpu-percent"));
        table.row("load generator CPU, % of one core", Better.NEITHER, ours.number(key + "loadgen-cpu-percent"), baseline.number(key + "loadgen-cpu-percent"));
        table.row("server RSS at the end, MiB", Better.LOWER, ours.number(key + "server-rss-bytes") / BYTES_PER_MIB, baseline.number(key + "server-rss-bytes") / BYTES_PER_MIB);
    }

    static void connectRows(Table table, LoadReport ours, LoadReport baseline, String phase) {
        table.row(phase + ": clients ready", Better.HIGHER, ours.number(phase + ".ready"), baseline.number(phase + ".ready"));
        table.row(phase + ": clients ready per second", Better.HIGHER, ours.number(phase + ".per-second"), baseline.number(phase + ".per-second"));
        table.row(phase + ": time to ready p99, ms", Better.LOWER, ours.number(phase + ".ms.p99"), baseline.number(phase + ".ms.p99"));
    }
}
