package chat.bench.run;

import java.io.IOException;
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
            double p99 = runs.report(server).number("step.0.ms.p99");
            findings.fanOutP99.put(server, p99);
            if (server.isOurs()) {
                findings.aims.add(new Findings.Aim("1", server, "p99 at most " + AIM_P99_MS + " ms",
                        Table.format(p99) + " ms", p99 <= AIM_P99_MS));
            }
        }
        Table table = new Table(String.format("Scenario 1: one room of %,d members, %d messages/s into it",
                scale.count(MEMBERS), MESSAGES_PER_SECOND), runs.servers());
        StepRows.add(table, runs, 0);
        StepRows.connectRows(table, runs, "connect");
        return table;
    }
}
