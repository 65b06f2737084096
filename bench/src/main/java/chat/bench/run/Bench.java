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
 * chart. {@code --profile} records our server with JFR while clients connect and while they send
 * ({@code bench/results/*-ours-connect.jfr}, {@code *-ours-load.jfr}) and prints its hot spots;
 * {@code bench/run results} rewrites RESULTS.md from the last run and the edited analysis;
 * {@code bench/run hotspots FILE.jfr} summarises any JFR recording.
 * {@code --ours-option} passes a JVM option (a {@code -Dpekko...} or {@code -Dchat...} override) to our
 * server only, to try a tuning before it goes into the configuration.
 */
public final class Bench {

    private static final List<Scenario> SCENARIOS = List.of(
            new FanOutLatency(), new RisingRate(), new IdleConnections(), new ConnectionLimit(), new SlowReader());
    private static final String CHART = "latency-vs-load.png";
    private static final String RESULTS = "bench/RESULTS.md";
    private static final String ANALYSIS = "bench/analysis.md";
    /** The measured part of RESULTS.md, kept so the analysis can be revised without measuring again. */
    private static final String GENERATED = "RESULTS.generated.md";
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
            System.err.println("       bench/run results   (RESULTS.md again from the last `all` run and bench/analysis.md)");
            System.err.println("       bench/run hotspots FILE.jfr   (where a JFR recording spent its CPU and allocations)");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path results = root.resolve("bench/results");
        Path generated = results.resolve(GENERATED);
        if (chosen.size() == 2 && chosen.get(0).equals("hotspots")) {
            System.out.println(HotSpots.summarise(Path.of(chosen.get(1))));
            return;
        }
        if (chosen.equals(List.of("results"))) {
            ResultsFile.combine(root.resolve(RESULTS), generated, root.resolve(ANALYSIS));
            System.out.println("wrote " + RESULTS + " from the last run and " + ANALYSIS);
            return;
        }
        try (Harness harness = new Harness(root, System.getProperty("java.class.path"), results, extraServerOptions, profile)) {
            run(harness, chosen, scale, profile, extraServerOptions, root, results, generated);
        }
    }

    private static void run(Harness harness, List<String> chosen, Scale scale, boolean profile, List<String> extraServerOptions,
            Path root, Path results, Path generated) throws IOException, InterruptedException {
        boolean all = chosen.contains("all");
        if (profile) {
            try (var old = Files.list(results)) {
                for (Path recording : old.filter(file -> file.toString().endsWith(".jfr")).toList()) {
                    Files.delete(recording);
                }
            }
        }
        long startedAt = System.nanoTime();
        String loadBefore = Machine.loadAverage();
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
            ResultsFile.write(root.resolve(RESULTS), generated, root.resolve(ANALYSIS), chart, scale,
                    tables, findings, extraServerOptions, minutes, loadBefore);
            System.out.println("wrote " + RESULTS + " and bench/" + CHART);
        }
        if (profile) {
            try (var recordings = Files.list(results)) {
                for (Path recording : recordings.filter(file -> file.toString().endsWith(".jfr")).sorted().toList()) {
                    System.out.println("Hot spots of our server, " + recording.getFileName() + ":");
                    System.out.println(HotSpots.summarise(recording));
                }
            }
        }
    }
}
