package chat.bench.run;

import chat.bench.run.Table.Better;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3: 10,000 idle connections (said hello, in no room) plus 100 active clients in 10
 * rooms, each sending one message a second: heap and RSS per idle connection, and the active
 * clients' latency. No default room, so that idle clients do not all share one room.
 */
final class IdleConnections implements Scenario {

    static final int IDLE = 10_000;
    static final int ACTIVE = 100;
    static final int ROOMS = 10;
    static final int MESSAGES_PER_SECOND = ACTIVE;
    static final double WARMUP_SECONDS = 3;
    static final double MEASURE_SECONDS = 10;
    static final double DRAIN_SECONDS = 3;
    private static final String NO_DEFAULT_ROOM = "";
    static final double AIM_HEAP_BYTES = 8 * 1024;

    @Override
    public String id() {
        return "3";
    }

    @Override
    public Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings)
            throws IOException, InterruptedException {
        Args load = new Args()
                .with("idle", scale.count(IDLE))
                .with("clients", ACTIVE)
                .with("rooms", ROOMS)
                .with("default-room", NO_DEFAULT_ROOM)
                .with("heap-probe", true)
                .with("rates", MESSAGES_PER_SECOND)
                .with("warmup", scale.seconds(WARMUP_SECONDS))
                .with("measure", scale.seconds(MEASURE_SECONDS))
                .with("drain", DRAIN_SECONDS);
        Map<ServerKind, Harness.Run> runs = harness.both("s3", order, NO_DEFAULT_ROOM, List.of(load.list()));
        LoadReport ours = runs.get(ServerKind.OURS).report();
        LoadReport baseline = runs.get(ServerKind.BASELINE).report();
        double heap = ours.number("heap.per-idle-connection-bytes");
        findings.aims.add(new Findings.Aim("3", "at most 8 KiB of heap per idle connection",
                Table.format(heap / 1024) + " KiB", heap <= AIM_HEAP_BYTES));
        Table table = new Table(String.format("Scenario 3: %,d idle connections plus %d active clients in %d rooms",
                scale.count(IDLE), ACTIVE, ROOMS));
        table.row("heap per idle connection, bytes", Better.LOWER,
                ours.number("heap.per-idle-connection-bytes"), baseline.number("heap.per-idle-connection-bytes"));
        table.row("RSS per idle connection, bytes", Better.LOWER,
                ours.number("rss.per-idle-connection-bytes"), baseline.number("rss.per-idle-connection-bytes"));
        table.row("server threads at the peak", Better.LOWER, ours.number("server.threads-peak"), baseline.number("server.threads-peak"));
        StepRows.connectRows(table, ours, baseline, "idle");
        StepRows.add(table, ours, baseline, 0);
        return table;
    }
}
