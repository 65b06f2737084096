package chat.bench.run;

import chat.bench.run.Table.Better;
import java.io.IOException;
import java.util.List;

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
    /**
     * Heap per idle connection in the last full run before rooms were stored (RESULTS.md at commit
     * e674055): an idle connection is in no room, so storing rooms must not add to it. Comparable
     * only at full scale, where the server's fixed heap is spread over 10,000 connections.
     */
    static final double HEAP_BEFORE_STORE_BYTES = 10_096;
    /**
     * Run-to-run spread of the heap per idle connection (quick scale, same code: 10,241 to 10,395
     * bytes); within it the heap counts as not grown.
     */
    static final int UNCHANGED_PERCENT = 3;

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
        Runs runs = harness.each("s3", order, NO_DEFAULT_ROOM, List.of(load.list()));
        for (ServerKind server : runs.servers()) {
            if (server.isOurs()) {
                double heap = runs.report(server).number("heap.per-idle-connection-bytes");
                findings.aims.add(new Findings.Aim("3", server, "at most 8 KiB of heap per idle connection",
                        Table.format(heap / 1024) + " KiB", heap <= AIM_HEAP_BYTES));
                findings.aims.add(new Findings.Aim("3", server, String.format(
                        "heap per idle connection not grown by the store (%,.0f bytes before it, at full scale; within %d%%)",
                        HEAP_BEFORE_STORE_BYTES, UNCHANGED_PERCENT),
                        String.format("%,.0f bytes", heap), heap <= HEAP_BEFORE_STORE_BYTES * (1 + UNCHANGED_PERCENT / 100.0)));
            }
        }
        Table table = new Table(String.format("Scenario 3: %,d idle connections plus %d active clients in %d rooms",
                scale.count(IDLE), ACTIVE, ROOMS), runs.servers());
        table.row("heap per idle connection, bytes", Better.LOWER, runs.number("heap.per-idle-connection-bytes"));
        table.row("RSS per idle connection, bytes", Better.LOWER, runs.number("rss.per-idle-connection-bytes"));
        table.row("server threads at the peak", Better.LOWER, runs.number("server.threads-peak"));
        StepRows.connectRows(table, runs, "idle");
        StepRows.add(table, runs, 0);
        return table;
    }
}
