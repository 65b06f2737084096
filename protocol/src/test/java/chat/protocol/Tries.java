package chat.protocol;

import java.util.HexFormat;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks a property against {@link #COUNT} random cases drawn from one fixed seed: every run tries
 * all of the same cases, so a failure, which names its seed, try and case, happens again on the
 * next run. There is no time bound: a property that stopped early would pass having tried only
 * part of its cases.
 */
final class Tries {

    static final int COUNT = 2000;

    @FunctionalInterface
    interface Property<T> {
        void check(T input) throws Exception;
    }

    private Tries() {}

    static <T> void forAll(long seed, Function<Random, T> cases, Property<T> property) {
        Random random = new Random(seed);
        for (int tried = 0; tried < COUNT; tried++) {
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
