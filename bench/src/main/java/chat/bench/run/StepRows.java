package chat.bench.run;

import chat.bench.run.Table.Better;

/** The rows every measured step gets: throughput, latency, losses and what the server spent. */
final class StepRows {

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private StepRows() {}

    static void add(Table table, Runs runs, int step) {
        String key = "step." + step + ".";
        table.row("deliveries per second", Better.HIGHER, runs.number(key + "deliveries-per-second"));
        table.row("latency p50, ms", Better.LOWER, runs.number(key + "ms.p50"));
        table.row("latency p99, ms", Better.LOWER, runs.number(key + "ms.p99"));
        table.row("latency p99.9, ms", Better.LOWER, runs.number(key + "ms.p999"));
        table.row("latency max, ms", Better.LOWER, runs.number(key + "ms.max"));
        table.row("deliveries missing after the drain", Better.LOWER, runs.number(key + "missing"));
        table.row("error frames", Better.LOWER, runs.number(key + "errors"));
        table.row("clients disconnected", Better.LOWER, runs.number(key + "disconnects"));
        table.row("seq gaps seen by clients", Better.LOWER, runs.number(key + "seq-gaps"));
        table.row("server CPU, % of one core", Better.LOWER, runs.number(key + "server-cpu-percent"));
        table.row("load generator CPU, % of one core", Better.NEITHER, runs.number(key + "loadgen-cpu-percent"));
        table.row("server RSS at the end, MiB", Better.LOWER,
                server -> runs.report(server).number(key + "server-rss-bytes") / BYTES_PER_MIB);
    }

    static void connectRows(Table table, Runs runs, String phase) {
        table.row(phase + ": clients ready", Better.HIGHER, runs.number(phase + ".ready"));
        table.row(phase + ": clients ready per second", Better.HIGHER, runs.number(phase + ".per-second"));
        table.row(phase + ": time to ready p99, ms", Better.LOWER, runs.number(phase + ".ms.p99"));
    }
}
