package chat.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code bench/run SCENARIO... [--scale full|quick|smoke] [--store h2|postgres|h2,postgres] [--profile]
 * [--ours-option OPTION]...}: runs scenarios 1–7 (or {@code all}) against our server and the
 * baseline (scenario 7: our server on one node and on three), one after the other, and prints a table per scenario. Our server stores its rooms in a
 * fresh store of each run's own: an H2 file (the default, as {@code bin/chat-server} does), a
 * database in a PostgreSQL server the harness starts, or both, each its own column.
 * {@code all} also writes {@code bench/RESULTS.md} and the latency chart. {@code --profile} records
 * our server with JFR while clients connect and while they send ({@code bench/results/*-connect.jfr},
 * {@code *-load.jfr}) and prints its hot spots; {@code bench/run results} rewrites RESULTS.md from the
 * last run and the edited analysis; {@code bench/run hotspots FILE.jfr} summarises any JFR recording.
 * {@code --ours-option} passes a JVM option (a {@code -Dpekko...} or {@code -Dchat...} override) to our
 * server only, to try a tuning before it goes into the configuration.
 */
public final class Bench {

    private static final List<Scenario> SCENARIOS = List.of(new FanOutLatency(), new RisingRate(),
            new IdleConnections(), new ConnectionLimit(), new SlowReader(), new StoredMessages(), new ClusterFanOut());
    private static final String CHART = "latency-vs-load.png";
    private static final String RESULTS = "bench/RESULTS.md";
    private static final String ANALYSIS = "bench/analysis.md";
    /** The measured part of RESULTS.md, kept so the analysis can be revised without measuring again. */
    private static final String GENERATED = "RESULTS.generated.md";
    private static final double NANOS_PER_MINUTE = 60e9;

    private final RunOptions options;
    private final Path root;
    private final Path results;

    private Bench(RunOptions options, Path root) {
        this.options = options;
        this.root = root;
        this.results = root.resolve("bench/results");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.chosen().isEmpty()) {
            System.err.println(RunOptions.USAGE);
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        new Bench(options, root).run();
    }

    private void run() throws IOException, InterruptedException {
        List<String> chosen = options.chosen();
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
        try (Harness harness = new Harness(root, System.getProperty("java.class.path"), results,
                options.extraServerOptions(), options.profile())) {
            scenarios(harness, generated);
        }
    }

    private void scenarios(Harness harness, Path generated) throws IOException, InterruptedException {
        boolean all = options.chosen().contains("all");
        if (options.profile()) {
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
            if (!all && !options.chosen().contains(scenario.id())) {
                continue;
            }
            // Alternate who goes first, so no server always runs on a machine another just warmed.
            List<ServerKind> order = new ArrayList<>(options.servers());
            if (index % 2 == 1) {
                Collections.reverse(order);
            }
            System.out.println("Scenario " + scenario.id() + " (scale " + options.scale().name() + ")");
            Table table = scenario.run(harness, options.scale(), order, findings);
            tables.add(table);
            System.out.println();
            System.out.println("## " + table.title());
            System.out.println();
            System.out.println(table.markdown());
        }
        for (Findings.Aim aim : findings.aims) {
            System.out.printf("aim, scenario %s, %s: %s: %s (%s)%n", aim.scenario(), aim.server().heading, aim.aim(),
                    aim.reached(), aim.met() ? "met" : "NOT met");
        }
        if (all) {
            Path chart = root.resolve("bench").resolve(CHART);
            if (!findings.ramp.isEmpty()) {
                LatencyChart.draw(findings.ramp, "Scenario 2: latency against offered load", chart);
            }
            double minutes = (System.nanoTime() - startedAt) / NANOS_PER_MINUTE;
            String postgres = options.stores().contains(StoreKind.POSTGRES) ? harness.postgresVersion() : null;
            ResultsFile.write(root.resolve(RESULTS), generated, root.resolve(ANALYSIS), chart, options,
                    tables, findings, minutes, loadBefore, postgres);
            System.out.println("wrote " + RESULTS + " and bench/" + CHART);
        }
        if (options.profile()) {
            try (var recordings = Files.list(results)) {
                for (Path recording : recordings.filter(file -> file.toString().endsWith(".jfr")).sorted().toList()) {
                    System.out.println("Hot spots of our server, " + recording.getFileName() + ":");
                    System.out.println(HotSpots.summarise(recording));
                }
            }
        }
    }
}
