package chat.bench.run;

import chat.bench.run.Table.Better;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Scenario 2: scenario 1's room at rising message rates until the server falls behind; the
 * highest sustained deliveries/s is the best step with p99 under 100 ms, nothing missing and
 * nobody disconnected.
 */
final class RisingRate implements Scenario {

    /**
     * Starts below scenario 1's rate so that a machine too slow for 100 lines/s still shows where
     * each server's latency starts to climb, in the table and the README's chart.
     */
    static final List<Integer> MESSAGES_PER_SECOND =
            List.of(10, 25, 50, 100, 200, 300, 500, 700, 1000, 1500, 2000, 2500, 3000);
    static final double WARMUP_SECONDS = 2;
    static final double MEASURE_SECONDS = 5;
    static final double DRAIN_SECONDS = 3;
    static final int SUSTAIN_P99_MS = 100;
    static final double AIM_DELIVERIES = 2_000_000;
    static final double AIM_RATIO = 20;

    @Override
    public String id() {
        return "2";
    }

    @Override
    public Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings)
            throws IOException, InterruptedException {
        Args load = new Args()
                .with("clients", scale.count(FanOutLatency.MEMBERS))
                .with("rooms", 1)
                .with("default-room", FanOutLatency.ROOM)
                .with("rates", scale.steps(MESSAGES_PER_SECOND).stream().map(String::valueOf).collect(Collectors.joining(",")))
                .with("warmup", scale.seconds(WARMUP_SECONDS))
                .with("measure", scale.seconds(MEASURE_SECONDS))
                .with("drain", DRAIN_SECONDS)
                .with("sustain-p99-ms", SUSTAIN_P99_MS);
        Runs runs = harness.each("s2", order, FanOutLatency.ROOM, List.of(load.list()));
        for (ServerKind server : order) {
            LoadReport report = runs.report(server);
            findings.ramp(server).addAll(report.steps(step -> {
                String key = "step." + step + ".";
                return new Findings.RampPoint(
                        report.number(key + "offered-deliveries-per-second"), report.number(key + "deliveries-per-second"),
                        report.number(key + "ms.p50"), report.number(key + "ms.p99"), report.number(key + "ms.p999"),
                        Boolean.parseBoolean(report.text(key + "sustained")));
            }));
        }
        Findings.RampPoint baseline = best(findings.ramp(ServerKind.BASELINE));
        for (ServerKind server : order) {
            if (!server.isOurs()) {
                continue;
            }
            Findings.RampPoint ours = best(findings.ramp(server));
            double ratio = deliveries(ours) / deliveries(baseline);
            // A baseline that sustained no step has no ratio to speak of, only the fact.
            String againstBaseline = deliveries(baseline) > 0
                    ? Table.format(ratio) + "× the baseline"
                    : "the baseline sustained none of the rates tried";
            findings.aims.add(new Findings.Aim("2", server, "at least 2,000,000 deliveries/s and 20× the baseline",
                    Table.format(deliveries(ours)) + " deliveries/s, " + againstBaseline,
                    deliveries(ours) >= AIM_DELIVERIES && ratio >= AIM_RATIO));
        }
        Table table = new Table(String.format("Scenario 2: one room of %,d members at rising rates (p99 under %d ms)",
                scale.count(FanOutLatency.MEMBERS), SUSTAIN_P99_MS), runs.servers());
        table.row("highest sustained deliveries per second", Better.HIGHER, server -> deliveries(best(findings.ramp(server))));
        table.row("latency p99 at that rate, ms", Better.LOWER, server -> p99(best(findings.ramp(server))));
        table.row("steps tried", Better.NEITHER, server -> findings.ramp(server).size());
        for (ServerKind server : order) {
            List<Findings.RampPoint> points = findings.ramp(server);
            if (points.size() == scale.steps(MESSAGES_PER_SECOND).size() && points.get(points.size() - 1).sustained()) {
                table.note("");
                table.note(server.heading + " sustained every step: its limit lies above the highest rate tried.");
            }
        }
        for (ServerKind server : order) {
            table.note("");
            table.note("Steps, " + server.heading + ":");
            table.note("");
            table.note("| offered deliveries/s | delivered/s | p50 ms | p99 ms | p99.9 ms | sustained |");
            table.note("|---:|---:|---:|---:|---:|---|");
            for (Findings.RampPoint point : findings.ramp(server)) {
                table.note(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |",
                        Table.format(point.offeredDeliveries()), Table.format(point.deliveries()), Table.format(point.p50()),
                        Table.format(point.p99()), Table.format(point.p999()), point.sustained() ? "yes" : "no"));
            }
        }
        return table;
    }

    private static Findings.RampPoint best(List<Findings.RampPoint> points) {
        return points.stream().filter(Findings.RampPoint::sustained)
                .max((a, b) -> Double.compare(a.deliveries(), b.deliveries())).orElse(null);
    }

    private static double deliveries(Findings.RampPoint point) {
        return point == null ? 0 : point.deliveries();
    }

    private static double p99(Findings.RampPoint point) {
        return point == null ? Double.NaN : point.p99();
    }
}
