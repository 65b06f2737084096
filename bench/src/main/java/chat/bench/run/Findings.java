package chat.bench.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one scenario found that another scenario or the chart needs. */
final class Findings {

    /** One rate step of scenario 2. */
    record RampPoint(double offeredDeliveries, double deliveries, double p50, double p99, double p999, boolean sustained) {}

    /** One of the issues' aims for our server (on one store), and whether this run reached it. */
    record Aim(String scenario, ServerKind server, String aim, String reached, boolean met) {}

    final List<Aim> aims = new ArrayList<>();
    final Map<ServerKind, Double> fanOutP99 = new EnumMap<>(ServerKind.class);
    final Map<ServerKind, List<RampPoint>> ramp = new EnumMap<>(ServerKind.class);

    List<RampPoint> ramp(ServerKind kind) {
        return ramp.computeIfAbsent(kind, k -> new ArrayList<>());
    }
}
