package chat.bench.run;

import java.io.IOException;
import java.util.List;

/** One of the benchmark's scenarios: runs the servers it compares and tabulates what they did. */
interface Scenario {

    String id();

    Table run(Harness harness, Scale scale, List<ServerKind> order, Findings findings) throws IOException, InterruptedException;
}
