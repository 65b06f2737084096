package chat.protocol;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks a property against many random cases drawn from one fixed seed: every run tries the same
 * cases, so a failure, which names its seed, try and case, happens again on the next run.
 */
final class Tries {

    static final int COUNT = 2000;

    /** On a machine shared with other builds, a property stops early rather than holding them up. */
    static final Duration TIME_BOUND = Duration.ofSeconds(10);

    @FunctionalInterface
    interface Property<T> {
        void check(T input) throws Exception;
    }

    private Tries() {}

    static <T> void forAll(long seed, Function<Random, T> cases, Property<T> property) {
        Random random = new Random(seed);
        long deadline = System.nanoTime() + TIME_BOUND.toNanos();
        for (int tried = 0; tried < COUNT; tried++) {
            if (tried > 0 && System.nanoTime() > deadline) {
                System.err.printf("seed %d: stopped after %d of %d tries at the time bound of %s%n",
                        seed, tried, COUNT, TIME_BOUND);
                return;
            }
            T input = cases.apply(random);
            try {
                property.check(input);
            } catch (Exception | AssertionError failure) {
                throw new AssertionError("fails with seed " + seed + " on try " + (tried + 1) + " of " + COUNT
                        + " for " + shown(input) + "\n" + failure.getMessage(), failure);
            }
        }
    }

    /** Bytes as hex, since most of them have no printable form. */
    static String shown(Object input) {
        return input instanceof byte[] bytes ? HexFormat.ofDelimiter(" ").formatHex(bytes) : String.valueOf(input);
    }
}
