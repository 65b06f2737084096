package chat.bench.run;

import chat.bench.run.Table.Better;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Scenario 7: scenario 2's room of 1,000 members at rising rates, on one node and on three nodes
 * of one cluster on this machine, both storing in PostgreSQL (a cluster's nodes share one; an H2
 * file belongs to one process). On three nodes the members, and so the senders, are spread evenly
 * over the nodes' chat ports. Besides deliveries/s and latency it counts what really crosses
 * Artery between the nodes, by message class (chat.bench.remote), per line said: the design sends
 * each group of stored lines once to each node with members, whatever their number. The baseline
 * cannot form a cluster: it is not run, and its column says so.
 */
final class ClusterFanOut implements Scenario {

    /** Scenario 2's first rates, closer together where this machine's one node tops out (25–50 lines/s). */
    static final List<Integer> MESSAGES_PER_SECOND =
            List.of(10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 700, 1000, 1500, 2000);
    static final double WARMUP_SECONDS = 2;
    static final double MEASURE_SECONDS = 5;
    static final double DRAIN_SECONDS = 3;
    static final int SUSTAIN_P99_MS = 100;
    /**
     * Members connecting at once, below the load generator's default of 200: at 200, three node
     * JVMs just started on two busy cores left 15–21% of the hellos unread past the server's 10 s
     * registration timeout, and this scenario measures fan-out, not connecting. Both columns get it.
     */
    static final int CONNECT_CONCURRENCY = 50;
    static final String ONE_NODE = "one node (PostgreSQL)";
    static final String THREE_NODES = "three nodes (PostgreSQL)";
    /** What our own actors send each other; the rest is Pekko's (cluster gossip, heartbeats, sharding, system messages). */
    static final String CHAT_MESSAGES = "chat.";
    /** The message a room sends once per group of stored lines to each node with members. */
    static final String FAN_OUT_MESSAGE = "chat.actors.NodeFanOut$Deliver";
    private static final List<ServerKind> SERVERS = List.of(ServerKind.OURS_POSTGRES, ServerKind.OURS_THREE_NODES);

    /** One rate step of one server: what it delivered, how fast, at what cost, and what crossed between nodes. */
    private record StepResult(double offeredDeliveries, double deliveries, double p50, double p99, double p999,
                              double missing, double serverCpu, List<Double> nodeCpu, double linesSaid,
                              Map<String, Double> remoteSent, double remoteSeconds, boolean sustained) {

        static StepResult of(LoadReport report, int step) {
            String key = "step." + step + ".";
            List<Double> nodeCpu = new ArrayList<>();
            for (int node = 0; report.has(key + "server-cpu-percent.node-" + node); node++) {
                nodeCpu.add(report.number(key + "server-cpu-percent.node-" + node));
            }
            Map<String, Double> remoteSent = new TreeMap<>();
            report.under(key + "remote.").forEach((messageClass, count) -> remoteSent.put(messageClass, Double.parseDouble(count)));
            return new StepResult(report.number(key + "offered-deliveries-per-second"),
                    report.number(key + "deliveries-per-second"), report.number(key + "ms.p50"),
                    report.number(key + "ms.p99"), report.number(key + "ms.p999"), report.number(key + "missing"),
                    report.number(key + "server-cpu-percent"), nodeCpu, report.number(key + "said"),
                    report.has(key + "remote-total") ? remoteSent : null, report.number(key + "remote-seconds"),
                    Boolean.parseBoolean(report.text(key + "sustained")));
        }

        /** Messages between nodes per line said in this step, of the classes {@code counted} picks; NaN on one node. */
        double remotePerLine(Predicate<String> counted) {
            if (remoteSent == null || linesSaid <= 0) {
                return Double.NaN;
            }
            return remoteSent.entrySet().stream().filter(entry -> counted.test(entry.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum() / linesSaid;
        }

        double chatPerLine() {
            return remotePerLine(name -> name.startsWith(CHAT_MESSAGES));
        }

        double fanOutPerLine() {
            return remotePerLine(FAN_OUT_MESSAGE::equals);
        }

        double allPerLine() {
            return remotePerLine(name -> true);
        }

        /** Pekko's own messages between nodes (gossip, heartbeats, handshakes) per second; NaN on one node. */
        double pekkoPerSecond() {
            if (remoteSent == null || !(remoteSeconds > 0)) {
                return Double.NaN;
            }
            return remoteSent.entrySet().stream().filter(entry -> !entry.getKey().startsWith(CHAT_MESSAGES))
                    .mapToDouble(Map.Entry::getValue).sum() / remoteSeconds;
        }
    }

    @Override
    public String id() {
        return "7";
    }

    @Override
    public Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings)
            throws IOException, InterruptedException {
        int members = scale.count(FanOutLatency.MEMBERS);
        Args load = new Args()
                .with("clients", members)
                .with("rooms", 1)
                .with("default-room", FanOutLatency.ROOM)
                .with("rates", scale.steps(MESSAGES_PER_SECOND).stream().map(String::valueOf).collect(Collectors.joining(",")))
                .with("warmup", scale.seconds(WARMUP_SECONDS))
                .with("measure", scale.seconds(MEASURE_SECONDS))
                .with("drain", DRAIN_SECONDS)
                .with("sustain-p99-ms", SUSTAIN_P99_MS)
                .with("connect-concurrency", CONNECT_CONCURRENCY);
        // Who goes first follows the harness's alternation, as in the other scenarios.
        List<ServerKind> servers = new ArrayList<>(SERVERS);
        if (!order.isEmpty() && !order.get(0).isOurs()) {
            Collections.reverse(servers);
        }
        Runs runs = harness.each("s7", servers, FanOutLatency.ROOM, List.of(load.list()));
        int nodes = ServerKind.OURS_THREE_NODES.nodes;
        StepResult clusterBest = representative(runs, ServerKind.OURS_THREE_NODES);
        if (clusterBest != null) {
            findings.aims.add(new Findings.Aim("7", ServerKind.OURS_THREE_NODES,
                    "at most one message between nodes per room line and node (" + nodes + " per line in all)",
                    String.format(Locale.ROOT, "%s of our messages per line (%s of them the fan-out's %s)",
                            Table.format(clusterBest.chatPerLine()), Table.format(clusterBest.fanOutPerLine()),
                            simpleName(FAN_OUT_MESSAGE)),
                    clusterBest.chatPerLine() <= nodes));
        }
        Table table = new Table(String.format(Locale.ROOT,
                "Scenario 7: one room of %,d members on one node and on three nodes of one cluster, at rising rates (p99 under %d ms)",
                members, SUSTAIN_P99_MS), runs.servers())
                .heading(ServerKind.OURS_POSTGRES, ONE_NODE)
                .heading(ServerKind.OURS_THREE_NODES, THREE_NODES)
                .absent(ServerKind.BASELINE, "cannot form a cluster");
        table.row("highest sustained deliveries per second", Better.HIGHER, atBest(runs, StepResult::deliveries));
        table.row("latency p50 at that rate, ms", Better.LOWER, atBest(runs, StepResult::p50));
        table.row("latency p99 at that rate, ms", Better.LOWER, atBest(runs, StepResult::p99));
        table.row("server CPU at that rate, % of one core (all nodes; PostgreSQL not counted)", Better.LOWER,
                atBest(runs, StepResult::serverCpu));
        table.row("our messages between nodes per line said, at that rate", Better.LOWER, atBest(runs, StepResult::chatPerLine));
        table.row("of them " + simpleName(FAN_OUT_MESSAGE) + " (a room's lines to a node's fan-out) per line", Better.LOWER,
                atBest(runs, StepResult::fanOutPerLine));
        table.row("all messages between nodes per line said (Pekko's gossip and heartbeats included)", Better.NEITHER,
                atBest(runs, StepResult::allPerLine));
        table.row("Pekko's own messages between nodes per second, the whole cluster (they come by the second, not by the line)",
                Better.NEITHER, atBest(runs, StepResult::pekkoPerSecond));
        table.row("steps tried", Better.NEITHER, server -> steps(runs.report(server)).size());
        table.row("members that could not join the room", Better.LOWER, runs.number("connect.failed"));
        table.row("server start: first client let into a room after, s (slowest node)", Better.LOWER,
                server -> runs.get(server).startSeconds());
        notes(table, runs, scale, nodes);
        return table;
    }

    private static void notes(Table table, Runs runs, Scale scale, int nodes) {
        double one = deliveries(best(steps(runs.report(ServerKind.OURS_POSTGRES))));
        double three = deliveries(best(steps(runs.report(ServerKind.OURS_THREE_NODES))));
        table.note("");
        table.note(String.format(Locale.ROOT, "Three nodes sustained %s deliveries/s, one node %s: %s× on the same %d cores. "
                        + "Every node, PostgreSQL and the load generator share this machine's cores, so this is not the "
                        + "separate machines the design's scaling is meant for. A single node sends nothing between nodes: "
                        + "its rows of messages between nodes say –.",
                Table.format(three), Table.format(one), one > 0 ? Table.format(three / one) : "–",
                Runtime.getRuntime().availableProcessors()));
        table.note("");
        table.note("Messages between nodes are counted where they are put on the wire (a remote instrument in each node, "
                + "by class, a sharded entity's message by what its envelope carries), over the whole step, warm-up and "
                + "drain included, and divided by every line said in it. With " + nodes + " nodes a room sends each group "
                + "of stored lines once to each of the " + (nodes - 1) + " other nodes with members, and a line said on a "
                + "node other than its room's crosses once to the room.");
        for (ServerKind server : runs.servers()) {
            List<StepResult> steps = steps(runs.report(server));
            if (steps.size() == scale.steps(MESSAGES_PER_SECOND).size() && !steps.isEmpty() && steps.get(steps.size() - 1).sustained()) {
                table.note("");
                table.note(table.headingOf(server) + " sustained every step: its limit lies above the highest rate tried.");
            }
            table.note("");
            table.note("Steps, " + table.headingOf(server) + ":");
            table.note("");
            table.note("| offered deliveries/s | delivered/s | p50 ms | p99 ms | p99.9 ms | missing | server CPU % (per node) "
                    + "| our messages between nodes per line | of them " + simpleName(FAN_OUT_MESSAGE) + " | all per line "
                    + "| Pekko's per second | sustained |");
            table.note("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            for (StepResult step : steps) {
                String perNode = step.nodeCpu().isEmpty() ? ""
                        : step.nodeCpu().stream().map(Table::format).collect(Collectors.joining(" + ", " (", ")"));
                table.note(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s%s | %s | %s | %s | %s | %s |",
                        Table.format(step.offeredDeliveries()), Table.format(step.deliveries()), Table.format(step.p50()),
                        Table.format(step.p99()), Table.format(step.p999()), Table.format(step.missing()),
                        Table.format(step.serverCpu()), perNode, Table.format(step.chatPerLine()),
                        Table.format(step.fanOutPerLine()), Table.format(step.allPerLine()), Table.format(step.pekkoPerSecond()),
                        step.sustained() ? "yes" : "no"));
            }
        }
        StepResult counted = representative(runs, ServerKind.OURS_THREE_NODES);
        if (counted != null && counted.remoteSent() != null) {
            table.note("");
            table.note(String.format(Locale.ROOT, "What crossed between the three nodes at %s offered deliveries/s, per line said "
                    + "(%s lines in the step):", Table.format(counted.offeredDeliveries()), Table.format(counted.linesSaid())));
            table.note("");
            table.note("| message class | sent between nodes | per line |");
            table.note("|---|---:|---:|");
            counted.remoteSent().entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .forEach(entry -> table.note(String.format(Locale.ROOT, "| `%s` | %s | %s |", entry.getKey(),
                            Table.format(entry.getValue()), Table.format(entry.getValue() / counted.linesSaid()))));
        }
    }

    private static List<StepResult> steps(LoadReport report) {
        return report.steps(step -> StepResult.of(report, step));
    }

    private static StepResult best(List<StepResult> steps) {
        return steps.stream().filter(StepResult::sustained)
                .max((a, b) -> Double.compare(a.deliveries(), b.deliveries())).orElse(null);
    }

    /** The step whose counts a table shows: the highest rate held, or the first step when none was. */
    private static StepResult representative(Runs runs, ServerKind server) {
        List<StepResult> steps = steps(runs.report(server));
        StepResult best = best(steps);
        return best != null ? best : steps.isEmpty() ? null : steps.get(0);
    }

    private static ToDoubleFunction<ServerKind> atBest(Runs runs, ToDoubleFunction<StepResult> value) {
        return server -> {
            StepResult best = best(steps(runs.report(server)));
            return best == null ? Double.NaN : value.applyAsDouble(best);
        };
    }

    private static double deliveries(StepResult step) {
        return step == null ? 0 : step.deliveries();
    }

    private static String simpleName(String messageClass) {
        return messageClass.substring(messageClass.lastIndexOf('.') + 1).replace('$', '.');
    }
}
