package chat.bench.run;

import chat.bench.run.Table.Better;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scenario 4: as many connections as the server process may open. A process here may hold
 * 20,000 descriptors, the load generators too, so two of them open 10,500 each (the second from
 * 127.0.0.2): where does each server stop accepting, and how? Once both have connected, every
 * connection is held open for a while and then pinged, to see whether the server still serves all
 * of them.
 */
final class ConnectionLimit implements Scenario {

    static final int GENERATORS = 2;
    static final int PER_GENERATOR = 10_500;
    static final int CONNECT_CONCURRENCY = 500;
    static final double CONNECT_TIMEOUT_SECONDS = 10;
    static final double HOLD_SECONDS = 5;
    private static final String NO_DEFAULT_ROOM = "";
    /** The per-process descriptor limit of this machine. */
    static final int DESCRIPTOR_CAP = 20_000;
    /** The JVM itself holds a few hundred descriptors (jars, epoll, pipes); the rest is for clients. */
    static final double AIM_SHARE_OF_CAP = 0.98;
    private static final int LOG_LINES_SHOWN = 6;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    @Override
    public String id() {
        return "4";
    }

    @Override
    public Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings)
            throws IOException, InterruptedException {
        List<List<String>> loads = new ArrayList<>();
        for (int generator = 0; generator < GENERATORS; generator++) {
            loads.add(new Args()
                    .with("idle", scale.count(PER_GENERATOR))
                    .with("default-room", NO_DEFAULT_ROOM)
                    .with("first-source-address", generator + 1)
                    .with("source-addresses", 1)
                    .with("nick-prefix", "g" + generator + "_")
                    .with("connect-concurrency", CONNECT_CONCURRENCY)
                    .with("connect-timeout", CONNECT_TIMEOUT_SECONDS)
                    .with("hold", HOLD_SECONDS)
                    .list());
        }
        Runs runs = harness.each("s4", order, NO_DEFAULT_ROOM, loads);
        for (ServerKind server : runs.servers()) {
            if (!server.isOurs()) {
                continue;
            }
            List<LoadReport> ours = runs.get(server).reports();
            double welcomed = LoadReport.sum(ours, "idle.ready");
            double failed = LoadReport.sum(ours, "idle.failed");
            double pongs = LoadReport.sum(ours, "hold.pongs");
            double open = LoadReport.sum(ours, "hold.open");
            findings.aims.add(new Findings.Aim("4", server, "connections up to the descriptor cap with no errors",
                    String.format("%,.0f welcomed, %,.0f failed, %,.0f of %,.0f answered a ping", welcomed, failed, pongs, open),
                    welcomed >= DESCRIPTOR_CAP * AIM_SHARE_OF_CAP && pongs >= open && runs.get(server).serverSurvived()));
        }
        Table table = new Table(String.format("Scenario 4: %d × %,d connections, as many as the server may open",
                GENERATORS, scale.count(PER_GENERATOR)), runs.servers());
        table.row("connections attempted", Better.NEITHER, runs.sum("idle.attempted"));
        table.row("connections welcomed", Better.HIGHER, runs.sum("idle.ready"));
        table.row("connections failed", Better.LOWER, runs.sum("idle.failed"));
        table.row("welcomed per second", Better.HIGHER, runs.sum("idle.per-second"));
        table.row("still open after the hold", Better.HIGHER, runs.sum("hold.open"));
        table.row("pongs to a ping on every open connection", Better.HIGHER, runs.sum("hold.pongs"));
        table.row("server threads at the peak", Better.LOWER, runs.max("server.threads-peak"));
        table.row("server RSS at the peak, MiB", Better.LOWER,
                server -> runs.max("server.rss-peak-bytes").applyAsDouble(server) / BYTES_PER_MIB);
        table.text("server process alive at the end", server -> runs.get(server).serverSurvived() ? "yes" : "no");
        for (ServerKind kind : order) {
            Harness.Run run = runs.get(kind);
            table.note("");
            table.note("How " + kind.heading + " failed connections (load generator's view):");
            table.note("");
            failures(run.reports()).forEach((why, count) -> table.note(String.format("- %s: %,d", why, count)));
            table.note("");
            table.note("Last distinct lines of " + kind.heading + "'s log:");
            table.note("");
            table.note("```");
            distinctTail(run.serverLog()).forEach(table::note);
            table.note("```");
        }
        return table;
    }

    private static Map<String, Long> failures(List<LoadReport> reports) {
        Map<String, Long> total = new TreeMap<>();
        for (LoadReport report : reports) {
            report.under("idle.failure.").forEach((why, count) -> total.merge(why, (long) Double.parseDouble(count), Long::sum));
        }
        if (total.isEmpty()) {
            total.put("none", 0L);
        }
        return total;
    }

    /** The log's last lines with timestamps and counters stripped, each shown once. */
    private static List<String> distinctTail(List<String> log) {
        Set<String> seen = new LinkedHashSet<>();
        for (int index = log.size() - 1; index >= 0 && seen.size() < LOG_LINES_SHOWN; index--) {
            String line = log.get(index).replaceAll("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ ", "").replaceAll("\\d+", "N");
            if (!line.isBlank()) {
                seen.add(line.length() > 160 ? line.substring(0, 160) : line);
            }
        }
        List<String> lines = new ArrayList<>(seen);
        java.util.Collections.reverse(lines);
        return lines;
    }
}
