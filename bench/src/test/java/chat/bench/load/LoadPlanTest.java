package chat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadPlanTest {

    @Test
    void clientsAreSpreadEvenlyOverTheNodesPorts() {
        LoadPlan plan = LoadPlan.parse(new String[] {"--port", "7001,7002,7003", "--server-pid", "11,12,13", "--clients", "6",
                "--remote-counts", "a.properties,b.properties"});

        assertThat(List.of(plan.portOf(0), plan.portOf(1), plan.portOf(2), plan.portOf(3), plan.portOf(4), plan.portOf(5)))
                .containsExactly(7001, 7002, 7003, 7001, 7002, 7003);
        assertThat(plan.serverPids()).containsExactly(11L, 12L, 13L);
        assertThat(plan.serverPid()).as("the first node, for heap probes and JFR").isEqualTo(11L);
        assertThat(plan.remoteCounts()).containsExactly(Path.of("a.properties"), Path.of("b.properties"));
    }

    @Test
    void oneServerIsOnePortAsBefore() {
        LoadPlan plan = LoadPlan.parse(new String[] {"--port", "7001", "--clients", "3"});

        assertThat(List.of(plan.portOf(0), plan.portOf(2))).containsExactly(7001, 7001);
        assertThat(plan.serverPid()).isZero();
        assertThat(plan.remoteCounts()).isEmpty();
    }
}
