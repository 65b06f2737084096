package chat.bench.run;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** What each server did in one scenario, and the measures a table row takes from them. */
final class Runs {

    private final Map<ServerKind, Harness.Run> byServer = new EnumMap<>(ServerKind.class);

    void add(Harness.Run run) {
        byServer.put(run.kind(), run);
    }

    Set<ServerKind> servers() {
        return byServer.keySet();
    }

    Harness.Run get(ServerKind server) {
        return byServer.get(server);
    }

    /** The report of the server's first (often only) load generator. */
    LoadReport report(ServerKind server) {
        return byServer.get(server).report();
    }

    /** {@code key} of each server's first load generator. */
    ToDoubleFunction<ServerKind> number(String key) {
        return server -> report(server).number(key);
    }

    /** {@code key} summed over each server's load generators. */
    ToDoubleFunction<ServerKind> sum(String key) {
        return server -> LoadReport.sum(byServer.get(server).reports(), key);
    }

    /** The largest {@code key} of each server's load generators. */
    ToDoubleFunction<ServerKind> max(String key) {
        return server -> LoadReport.max(byServer.get(server).reports(), key);
    }
}
