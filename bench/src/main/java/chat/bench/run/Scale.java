package chat.bench.run;

import java.util.List;

/**
 * Shrinks a scenario for a quick look: connection counts and durations are multiplied by these
 * factors, and a rising rate tries at most {@code steps} of its rates. {@code full} is the
 * scenario as the issue states it.
 */
record Scale(String name, double connections, double seconds, int steps) {

    static final Scale FULL = new Scale("full", 1, 1, Integer.MAX_VALUE);
    /** For short runs on a busy machine: a few hundred clients, a few seconds. */
    static final Scale QUICK = new Scale("quick", 0.2, 0.3, Integer.MAX_VALUE);
    /** For the build's smoke tests: tens of clients, about two seconds of load, two rates at most. */
    static final Scale SMOKE = new Scale("smoke", 0.02, 0.2, 2);

    static Scale named(String name) {
        for (Scale scale : new Scale[] {FULL, QUICK, SMOKE}) {
            if (scale.name.equals(name)) {
                return scale;
            }
        }
        throw new IllegalArgumentException("unknown scale " + name + " (full, quick, smoke)");
    }

    int count(int full) {
        return Math.max(1, (int) Math.round(full * connections));
    }

    /** The first rates of a rising rate that this scale tries. */
    <T> List<T> steps(List<T> rates) {
        return rates.subList(0, Math.min(steps, rates.size()));
    }

    String seconds(double full) {
        return Double.toString(full * seconds);
    }
}
