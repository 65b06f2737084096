package chat.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/run SCENARIO... [--scale full|quick|smoke] [--profile] [--ours-option OPTION]...}:
 * runs scenarios 1–5 (or {@code all}) against our server and the baseline, one after the other,
 * and prints a table per scenario. {@code all} also writes {@code bench/RESULTS.md} and the latency
 * chart. {@code --profile} records our server with JFR and prints its hot spots;
 * {@code --ours-option} passes a JVM option (a {@code -Dpekko...} or {@code -Dchat...} override) to our
 * server only, to try a tuning before it goes into the configuration.
 */
public final class Bench {

    private static final List<Scenario> SCENARIOS = List.of(
            new FanOutLatency(), new RisingRate(), new IdleConnections(), new ConnectionLimit(), new SlowReader());
    private static final String CHART = "latency-vs-load.png";
    private static final double NANOS_PER_MINUTE = 60e9;

    private Bench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> chosen = new ArrayList<>();
        Scale scale = Scale.FULL;
        boolean profile = false;
        List<String> extraServerOptions = new ArrayList<>();
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--scale" -> scale = Scale.named(args[++index]);
                case "--profile" -> profile = true;
                case "--ours-option" -> extraServerOptions.add(args[++index]);
                default -> chosen.add(args[index]);
            }
        }
        if (chosen.isEmpty()) {
            System.err.println("usage: bench/run 1|2|3|4|5|all ... [--scale full|quick|smoke] [--profile] [--ours-option -Dkey=value]...");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path results = root.resolve("bench/results");
        boolean all = chosen.contains("all");
        Path recording = results.resolve("ours.jfr");
        if (profile) {
            Files.createDirectories(results);
            Files.deleteIfExists(recording);
            extraServerOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
        }
        Harness harness = new Harness(root, System.getProperty("java.class.path"), results, extraServerOptions);
        long startedAt = System.nanoTime();
        List<Table> tables = new ArrayList<>();
        Findings findings = new Findings();
        for (int index = 0; index < SCENARIOS.size(); index++) {
            Scenario scenario = SCENARIOS.get(index);
            if (!all && !chosen.contains(scenario.id())) {
                continue;
            }
            // Alternate who goes first, so neither server always runs on a machine the other just warmed.
            List<ServerKind> order = index % 2 == 0
                    ? List.of(ServerKind.OURS, ServerKind.BASELINE)
                    : List.of(ServerKind.BASELINE, ServerKind.OURS);
            System.out.println("Scenario " + scenario.id() + " (scale " + scale.name() + ")");
            Table table = scenario.run(harness, scale, order, findings);
            tables.add(table);
            System.out.println();
            System.out.println("## " + table.title());
            System.out.println();
            System.out.println(table.markdown());
        }
        for (Findings.Aim aim : findings.aims) {
            System.out.printf("aim, scenario %s: %s: %s (%s)%n", aim.scenario(), aim.aim(), aim.reached(), aim.met() ? "met" : "NOT met");
        }
        if (all) {
            Path chart = root.resolve("bench").resolve(CHART);
            if (!findings.ramp.isEmpty()) {
                LatencyChart.draw(findings.ramp, "Scenario 2: latency against offered load", chart);
            }
            double minutes = (System.nanoTime() - startedAt) / NANOS_PER_MINUTE;
            ResultsFile.write(root.resolve("bench/RESULTS.md"), root.resolve("bench/analysis.md"), chart, scale,
                    tables, findings, extraServerOptions, minutes);
            System.out.println("wrote bench/RESULTS.md and bench/" + CHART);
        }
        if (profile && Files.exists(recording)) {
            System.out.println(HotSpots.summarise(recording));
        }
    }
}
