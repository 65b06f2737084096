package chat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios shrunk to twenty clients and a couple of seconds: each server in its own JVM gets the
 * same load from a forked load generator, on a store of its own, and the comparison table comes out.
 */
class SmokeRunTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RESULTS = ROOT.resolve("bench/target/smoke-run");

    @Test
    void bothServersDeliverEveryMessageToEveryMemberAndTheTableComparesThem() throws Exception {
        Findings findings = new Findings();
        Table table;
        try (Harness harness = new Harness(ROOT, System.getProperty("java.class.path"), RESULTS, List.of(), false)) {
            table = new FanOutLatency().run(harness, Scale.SMOKE, List.of(ServerKind.OURS, ServerKind.BASELINE), findings);
        }

        for (ServerKind kind : List.of(ServerKind.OURS, ServerKind.BASELINE)) {
            LoadReport report = LoadReport.read(RESULTS.resolve("s1-" + kind.label + "-load0.properties"));
            assertThat(report.number("connect.ready")).as(kind.label + " clients in the room").isEqualTo(20);
            assertThat(report.number("step.0.deliveries-per-second")).as(kind.label + " deliveries/s").isPositive();
            assertThat(report.number("step.0.missing")).as(kind.label + " deliveries missing").isZero();
            assertThat(report.number("step.0.seq-gaps")).as(kind.label + " seq gaps").isZero();
        }
        assertThat(Files.readString(RESULTS.resolve("s1-ours-server.log")))
                .as("our server stored its rooms in a fresh H2 file of the run's, not in the repository's data/")
                .contains("rooms are stored in jdbc:h2:file:" + RESULTS.resolve("stores/s1-ours/chat"));
        assertThat(RESULTS.resolve("stores/s1-ours")).as("the run's store, deleted after the run").doesNotExist();
        assertThat(table.markdown())
                .contains("| measure | ours (H2) | baseline (no store) | ours (H2) ÷ baseline |")
                // The rate is counted over a timed window (1,980 or 2,000); that nothing went missing is asserted above.
                .containsPattern("\\| deliveries per second \\(higher is better\\) \\| [\\d,]+ \\| [\\d,]+ \\| [\\d.]+× \\|");
    }

    @Test
    void everyLineSaidIsStoredInPostgresqlAndEchoedAndTheBaselineHasNoColumnToCompare() throws Exception {
        Findings findings = new Findings();
        Table table;
        try (Harness harness = new Harness(ROOT, System.getProperty("java.class.path"), RESULTS, List.of(), false)) {
            table = new StoredMessages().run(harness, Scale.SMOKE, List.of(ServerKind.OURS_POSTGRES, ServerKind.BASELINE), findings);
        }

        LoadReport report = LoadReport.read(RESULTS.resolve("s6-ours-postgres-load0.properties"));
        assertThat(report.number("connect.ready")).as("2 rooms of 10 members").isEqualTo(20);
        assertThat(report.number("step.0.sent")).as("lines said in the first step").isPositive();
        assertThat(report.number("step.0.echoes-missing")).as("lines never echoed").isZero();
        assertThat(report.number("step.0.echoes-per-second-per-room.min")).as("lines stored per second in the slowest room").isPositive();
        assertThat(report.number("step.0.missing")).as("deliveries missing").isZero();
        assertThat(report.number("step.0.seq-gaps")).as("seq gaps").isZero();
        assertThat(Files.readString(RESULTS.resolve("s6-ours-postgres-server.log")))
                .as("our server stored its rooms in a PostgreSQL database of the run's own")
                .containsPattern("rooms are stored in jdbc:postgresql://127\\.0\\.0\\.1:\\d+/s6_ours_postgres");
        assertThat(RESULTS.resolve("s6-baseline-load0.properties")).as("the baseline stores nothing, so it is not run").doesNotExist();
        assertThat(table.markdown())
                .contains("| measure | ours (PostgreSQL) | baseline (no store) |")
                .containsPattern("\\| lines stored in the whole run \\(warm-ups included\\) \\| [\\d,]+ \\| no store \\|")
                .containsPattern("\\| store on disk at the end, MiB \\| [\\d.]+ \\| no store \\|");
    }
}
