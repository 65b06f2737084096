package chat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1 shrunk to twenty clients and two seconds: both servers, each in its own JVM, get the
 * same load from a forked load generator, and the comparison table comes out.
 */
class SmokeRunTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void bothServersDeliverEveryMessageToEveryMemberAndTheTableComparesThem() throws Exception {
        Findings findings = new Findings();
        Table table;
        try (Harness harness = new Harness(ROOT, System.getProperty("java.class.path"),
                ROOT.resolve("bench/target/smoke-run"), List.of(), false)) {
            table = new FanOutLatency().run(harness, Scale.SMOKE, List.of(ServerKind.OURS, ServerKind.BASELINE), findings);
        }

        for (ServerKind kind : ServerKind.values()) {
            LoadReport report = LoadReport.read(ROOT.resolve("bench/target/smoke-run/s1-" + kind.label + "-load0.properties"));
            assertThat(report.number("connect.ready")).as(kind.label + " clients in the room").isEqualTo(20);
            assertThat(report.number("step.0.deliveries-per-second")).as(kind.label + " deliveries/s").isPositive();
            assertThat(report.number("step.0.missing")).as(kind.label + " deliveries missing").isZero();
            assertThat(report.number("step.0.seq-gaps")).as(kind.label + " seq gaps").isZero();
        }
        assertThat(table.markdown())
                .contains("| measure | ours | baseline | ours ÷ baseline |")
                // The rate is counted over a timed window (1,980 or 2,000); that nothing went missing is asserted above.
                .containsPattern("\\| deliveries per second \\(higher is better\\) \\| [\\d,]+ \\| [\\d,]+ \\| [\\d.]+× \\|");
    }
}
