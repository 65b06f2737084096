package chat.bench.run;

/**
 * Shrinks a scenario for a quick look: connection counts and durations are multiplied by these
 * factors. {@code full} is the scenario as the issue states it.
 */
record Scale(String name, double connections, double seconds) {

    static final Scale FULL = new Scale("full", 1, 1);
    /** For short runs on a busy machine: a few hundred clients, a few seconds. */
    static final Scale QUICK = new Scale("quick", 0.2, 0.3);
    /** For the build's smoke test: tens of clients, about two seconds of load. */
    static final Scale SMOKE = new Scale("smoke", 0.02, 0.2);

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

    String seconds(double full) {
        return Double.toString(full * seconds);
    }
}
