package chat.bench.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Scenario 1: one room of 1,000 members, 100 messages/s into it (100,000 deliveries/s): latency. */
final class FanOutLatency implements Scenario {

    static final int MEMBERS = 1000;
    static final int MESSAGES_PER_SECOND = 100;
    static final String ROOM = "lobby";
    static final double WARMUP_SECONDS = 3;
    static final double MEASURE_SECONDS = 10;
    static final double DRAIN_SECONDS = 3;
    static final int AIM_P99_MS = 15;
    /** The percentiles the load generator reports, each compared with the baseline's. */
    private static final List<String> PERCENTILES = List.of("p50", "p99", "p999");

    @Override
    public String id() {
        return "1";
    }

    @Override
    public Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings)
            throws IOException, InterruptedException {
        Args load = new Args()
                .with("clients", scale.count(MEMBERS))
                .with("rooms", 1)
                .with("default-room", ROOM)
                .with("rates", MESSAGES_PER_SECOND)
                .with("warmup", scale.seconds(WARMUP_SECONDS))
                .with("measure", scale.seconds(MEASURE_SECONDS))
                .with("drain", DRAIN_SECONDS);
        Runs runs = harness.each("s1", order, ROOM, List.of(load.list()));
        for (ServerKind server : runs.servers()) {
            findings.fanOutP99.put(server, runs.report(server).number("step.0.ms.p99"));
        }
        for (ServerKind server : runs.servers()) {
            if (server.isOurs()) {
                double p99 = findings.fanOutP99.get(server);
                findings.aims.add(new Findings.Aim("1", server, "p99 at most " + AIM_P99_MS + " ms",
                        Table.format(p99) + " ms", p99 <= AIM_P99_MS));
                if (runs.servers().contains(ServerKind.BASELINE)) {
                    addNoPercentileWorse(runs, server, findings);
                }
            }
        }
        Table table = new Table(String.format("Scenario 1: one room of %,d members, %d messages/s into it",
                scale.count(MEMBERS), MESSAGES_PER_SECOND), runs.servers());
        StepRows.add(table, runs, 0);
        StepRows.connectRows(table, runs, "connect");
        return table;
    }

    /** The second aim: a person in the room waits no longer with us than with the lab's loop, at any percentile. */
    private static void addNoPercentileWorse(Runs runs, ServerKind server, Findings findings) {
        List<String> worse = new ArrayList<>();
        StringBuilder reached = new StringBuilder();
        for (String percentile : PERCENTILES) {
            double ours = runs.report(server).number("step.0.ms." + percentile);
            double baseline = runs.report(ServerKind.BASELINE).number("step.0.ms." + percentile);
            if (ours > baseline) {
                worse.add(percentile);
            }
            reached.append(reached.length() == 0 ? "" : ", ").append(percentile).append(' ')
                    .append(Table.format(ours)).append(" against ").append(Table.format(baseline)).append(" ms");
        }
        findings.aims.add(new Findings.Aim("1", server, "no latency percentile worse than the baseline's",
                reached.toString(), worse.isEmpty()));
    }
}
