package chat.bench.run;

import chat.bench.run.Table.Better;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Scenario 6: lines stored per second. 100 rooms of 10 members, every member sending, at rising
 * rates until the server falls behind. Our server echoes a line to its sender only once the line
 * is in the store, so the echoes per second are the lines stored per second, and the echo's
 * latency is the wait for the store. A session handles one request at a time: a sender's next
 * line waits for the echo of its last, so each member sends only a tenth of its room's lines. The
 * baseline keeps nothing: it is not run, and its column says so.
 */
final class StoredMessages implements Scenario {

    static final int ROOMS = 100;
    static final int MEMBERS_PER_ROOM = 10;
    /** Lines per second into each room, one step each; all rooms together get this times the rooms. */
    static final List<Integer> LINES_PER_ROOM_PER_SECOND = List.of(50, 100, 200, 300, 400, 600, 800, 1000);
    static final double WARMUP_SECONDS = 2;
    static final double MEASURE_SECONDS = 5;
    static final double DRAIN_SECONDS = 3;
    static final int SUSTAIN_P99_MS = 100;
    static final double AIM_STORED_PER_SECOND = 20_000;
    private static final String NO_DEFAULT_ROOM = "";
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    /** One rate step of one server: what it stored, how fast, and whether it kept up. */
    private record StepResult(double offered, double stored, double perRoomMean, double perRoomSlowest,
                              double echoP50, double echoP99, double echoP999, double deliveries, double missing,
                              double serverCpu, boolean sustained) {

        static StepResult of(LoadReport report, int step) {
            String key = "step." + step + ".";
            return new StepResult(report.number(key + "messages-per-second"), report.number(key + "echoes-per-second"),
                    report.number(key + "echoes-per-second-per-room.mean"), report.number(key + "echoes-per-second-per-room.min"),
                    report.number(key + "echo.ms.p50"), report.number(key + "echo.ms.p99"), report.number(key + "echo.ms.p999"),
                    report.number(key + "deliveries-per-second"), report.number(key + "missing"),
                    report.number(key + "server-cpu-percent"), Boolean.parseBoolean(report.text(key + "sustained")));
        }
    }

    @Override
    public String id() {
        return "6";
    }

    @Override
    public Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings)
            throws IOException, InterruptedException {
        int rooms = scale.count(ROOMS);
        List<Integer> perRoom = scale.steps(LINES_PER_ROOM_PER_SECOND);
        Args load = new Args()
                .with("clients", rooms * MEMBERS_PER_ROOM)
                .with("rooms", rooms)
                .with("default-room", NO_DEFAULT_ROOM)
                .with("rates", perRoom.stream().map(rate -> String.valueOf(rate * rooms)).collect(Collectors.joining(",")))
                .with("warmup", scale.seconds(WARMUP_SECONDS))
                .with("measure", scale.seconds(MEASURE_SECONDS))
                .with("drain", DRAIN_SECONDS)
                .with("sustain-p99-ms", SUSTAIN_P99_MS);
        List<ServerKind> ours = order.stream().filter(ServerKind::isOurs).toList();
        Runs runs = harness.each("s6", ours, NO_DEFAULT_ROOM, List.of(load.list()));
        Table table = new Table(String.format(Locale.ROOT,
                "Scenario 6: lines stored per second, %,d rooms of %d members all sending, at rising rates (p99 under %d ms)",
                rooms, MEMBERS_PER_ROOM, SUSTAIN_P99_MS), runs.servers())
                .absent(ServerKind.BASELINE, "no store");
        for (ServerKind server : ours) {
            StepResult best = best(steps(runs.report(server)));
            double stored = best == null ? 0 : best.stored();
            findings.aims.add(new Findings.Aim("6", server,
                    String.format(Locale.ROOT, "at least %,.0f lines stored per second across %d rooms", AIM_STORED_PER_SECOND, ROOMS),
                    String.format(Locale.ROOT, "%,.0f/s across %,d rooms", stored, rooms),
                    stored >= AIM_STORED_PER_SECOND && rooms == ROOMS));
        }
        table.row("highest sustained lines stored per second, all rooms", Better.HIGHER,
                server -> valueAtBest(runs, server, StepResult::stored));
        table.row("lines stored per second per room at that rate, mean", Better.HIGHER,
                server -> valueAtBest(runs, server, StepResult::perRoomMean));
        table.row("lines stored per second per room at that rate, slowest room", Better.HIGHER,
                server -> valueAtBest(runs, server, StepResult::perRoomSlowest));
        table.row("echo latency p50 at that rate, ms", Better.LOWER, server -> valueAtBest(runs, server, StepResult::echoP50));
        table.row("echo latency p99 at that rate, ms", Better.LOWER, server -> valueAtBest(runs, server, StepResult::echoP99));
        table.row("deliveries per second at that rate (echoes included)", Better.HIGHER,
                server -> valueAtBest(runs, server, StepResult::deliveries));
        table.row("server CPU at that rate, % of one core (PostgreSQL's own processes not counted)", Better.LOWER,
                server -> valueAtBest(runs, server, StepResult::serverCpu));
        table.row("server start: first client let into a room after, s", Better.LOWER, server -> runs.get(server).startSeconds());
        table.row("members that could not join their room", Better.LOWER, runs.number("connect.failed"));
        table.row("steps tried", Better.NEITHER, server -> steps(runs.report(server)).size());
        table.row("lines stored in the whole run (warm-ups included)", Better.NEITHER, runs.number("echoes"));
        table.row("store on disk at the end, MiB", Better.NEITHER, server -> runs.get(server).storeBytes() / BYTES_PER_MIB);
        table.row("store on disk per line stored, bytes", Better.LOWER,
                server -> runs.get(server).storeBytes() / runs.report(server).number("echoes"));
        table.note("");
        table.note("A line is stored when its sender gets the echo: our server sends it only after the write. "
                + "The baseline keeps no line anywhere, so there is nothing of it to compare.");
        for (ServerKind server : ours) {
            List<StepResult> steps = steps(runs.report(server));
            if (steps.size() == perRoom.size() && steps.get(steps.size() - 1).sustained()) {
                table.note("");
                table.note(server.heading + " sustained every step: its limit lies above the highest rate tried.");
            }
            Map<String, String> failedJoins = runs.report(server).under("connect.failure.");
            if (!failedJoins.isEmpty()) {
                table.note("");
                table.note("Why members of " + server.heading + " could not join:");
                table.note("");
                failedJoins.forEach((why, count) -> table.note("- " + why + ": " + count));
            }
            table.note("");
            table.note("Steps, " + server.heading + ":");
            table.note("");
            table.note("| lines offered/s | stored/s | per room, mean | per room, slowest | echo p50 ms | echo p99 ms "
                    + "| echo p99.9 ms | deliveries/s | deliveries missing | server CPU % | sustained |");
            table.note("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            for (StepResult step : steps) {
                table.note(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                        Table.format(step.offered()), Table.format(step.stored()), Table.format(step.perRoomMean()),
                        Table.format(step.perRoomSlowest()), Table.format(step.echoP50()), Table.format(step.echoP99()),
                        Table.format(step.echoP999()), Table.format(step.deliveries()), Table.format(step.missing()),
                        Table.format(step.serverCpu()), step.sustained() ? "yes" : "no"));
            }
        }
        return table;
    }

    private static List<StepResult> steps(LoadReport report) {
        return report.steps(step -> StepResult.of(report, step));
    }

    private static StepResult best(List<StepResult> steps) {
        return steps.stream().filter(StepResult::sustained)
                .max((a, b) -> Double.compare(a.stored(), b.stored())).orElse(null);
    }

    private static double valueAtBest(Runs runs, ServerKind server, ToDoubleFunction<StepResult> value) {
        StepResult best = best(steps(runs.report(server)));
        return best == null ? Double.NaN : value.applyAsDouble(best);
    }
}
