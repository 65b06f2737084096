package chat.bench.run;

import chat.bench.run.Table.Better;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: scenario 1's room plus one member that reads only a trickle (a 4 KiB receive
 * buffer, 1,000 bytes a second): what it does to everyone else's latency.
 */
final class SlowReader implements Scenario {

    static final int SLOW_READ_BYTES_PER_SECOND = 1000;
    static final double MEASURE_SECONDS = 15;
    /** Run-to-run noise on this shared machine; a p99 within it counts as unchanged. */
    static final int UNCHANGED_PERCENT = 25;

    @Override
    public String id() {
        return "5";
    }

    @Override
    public Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings)
            throws IOException, InterruptedException {
        Args load = new Args()
                .with("clients", scale.count(FanOutLatency.MEMBERS))
                .with("slow-readers", 1)
                .with("slow-read-bytes-per-second", SLOW_READ_BYTES_PER_SECOND)
                .with("rooms", 1)
                .with("default-room", FanOutLatency.ROOM)
                .with("rates", FanOutLatency.MESSAGES_PER_SECOND)
                .with("warmup", scale.seconds(FanOutLatency.WARMUP_SECONDS))
                .with("measure", scale.seconds(MEASURE_SECONDS))
                .with("drain", FanOutLatency.DRAIN_SECONDS);
        Runs runs = harness.each("s5", order, FanOutLatency.ROOM, List.of(load.list()));
        for (ServerKind server : runs.servers()) {
            if (!server.isOurs()) {
                continue;
            }
            double p99 = runs.report(server).number("step.0.ms.p99");
            Double withoutSlowReader = findings.fanOutP99.get(server);
            findings.aims.add(new Findings.Aim("5", server, "others' p99 unchanged by a slow reader (within " + UNCHANGED_PERCENT + "% of scenario 1)",
                    Table.format(p99) + " ms against " + (withoutSlowReader == null ? "– (scenario 1 not run)" : Table.format(withoutSlowReader) + " ms"),
                    withoutSlowReader != null && p99 <= withoutSlowReader * (1 + UNCHANGED_PERCENT / 100.0)));
        }
        Table table = new Table(String.format("Scenario 5: scenario 1 plus one slow reader (%,d bytes/s)",
                SLOW_READ_BYTES_PER_SECOND), runs.servers());
        StepRows.add(table, runs, 0);
        if (findings.fanOutP99.keySet().containsAll(runs.servers())) {
            table.row("latency p99 without the slow reader (scenario 1, this run), ms", Better.LOWER, findings.fanOutP99::get);
        }
        table.row("messages the slow reader read during the run", Better.NEITHER, runs.number("step.0.slow-reader-deliveries"));
        table.text("what became of the slow reader", server -> fate(runs.report(server)));
        return table;
    }

    private static String fate(LoadReport report) {
        Map<String, String> fate = report.under("slow-reader.");
        return fate.isEmpty() ? "still connected" : String.join("; ", fate.keySet());
    }
}
