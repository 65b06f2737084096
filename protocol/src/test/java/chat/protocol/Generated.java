package chat.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Generators for the property tests: any text a person could type, and frames built from it. */
final class Generated {

    private static final long YEAR_3000_MILLIS = 32_503_680_000_000L;

    /** One number in this many is an edge of its range, where off-by-one mistakes show. */
    private static final int EDGE_ONE_IN = 10;
    /** One number in this many is near the low end, where short lists and small values live. */
    private static final int SMALL_ONE_IN = 10;
    private static final int SMALL_SPAN = 16;

    private static final List<String> JSON_PIECES = List.of(
            "{", "}", "[", "]", ":", ",", "\"", "\\", " ", "\t", "\r", "'",
            "\"type\"", "\"id\"", "\"room\"", "\"text\"", "\"nick\"", "\"since\"", "\"before\"", "\"limit\"",
            "\"hello\"", "\"say\"", "\"join\"", "\"history\"", "\"ping\"", "\"x\"", "\"\"",
            "null", "true", "false", "0", "-1", "1.5", "1e999", "-0", "99999999999999999999", "NaN",
            "\"\\ud800\"", "\"\\udc00\"", "\"\\u0000\"", "\"\\n\"", "\\u", "\\ud83d\\ude00",
            "😀", "\ud83d", "小明", "\u0000", "\u202E", "\u3164");

    private Generated() {}

    /** A number from min to max, both included, with its edges and small values drawn more often. */
    static long between(Random random, long min, long max) {
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            long[] edges = {min, Math.min(min + 1, max), Math.max(max - 1, min), max};
            return edges[random.nextInt(edges.length)];
        }
        if (random.nextInt(SMALL_ONE_IN) == 0) {
            return random.nextLong(min, Math.min(max, min + SMALL_SPAN) + 1);
        }
        // nextLong's upper bound is exclusive; shifting by one reaches max even when max is Long.MAX_VALUE
        return random.nextLong(min - 1, max) + 1;
    }

    static int between(Random random, int min, int max) {
        return (int) between(random, (long) min, (long) max);
    }

    static byte anyByte(Random random) {
        return (byte) between(random, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    static byte[] bytes(Random random, int minSize, int maxSize) {
        byte[] out = new byte[between(random, minSize, maxSize)];
        for (int i = 0; i < out.length; i++) {
            out[i] = anyByte(random);
        }
        return out;
    }

    static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static <T> T orNull(Random random, double nullChance, Function<Random, T> value) {
        return random.nextDouble() < nullChance ? null : value.apply(random);
    }

    /** Well-formed text: ASCII, control characters, the rest of the BMP and supplementary characters. */
    static String text(Random random, int minCodePoints, int maxCodePoints) {
        int length = between(random, minCodePoints, maxCodePoints);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(codePoint(random));
        }
        return out.toString();
    }

    static String text(Random random) {
        return text(random, 0, 40);
    }

    /** An id a client may put on a request (1..64 chars), or none. */
    static String id(Random random) {
        return orNull(random, 0.3, r -> text(r, 1, 32));
    }

    static ClientFrame clientFrame(Random random) {
        return switch (random.nextInt(13)) {
            case 0 -> new ClientFrame.Hello(id(random), text(random),
                    orNull(random, 0.5, r -> between(r, 0, Integer.MAX_VALUE)), orNull(random, 0.5, Generated::text));
            case 1 -> new ClientFrame.Ping(id(random));
            case 2 -> new ClientFrame.Pong(id(random));
            case 3 -> new ClientFrame.Bye(id(random), random.nextBoolean() ? null : "gone for lunch");
            case 4 -> new ClientFrame.Join(id(random), text(random),
                    orNull(random, 0.5, r -> between(r, 0L, Long.MAX_VALUE)));
            case 5 -> new ClientFrame.Leave(id(random), text(random));
            case 6 -> new ClientFrame.Say(id(random), text(random), text(random));
            case 7 -> new ClientFrame.Whisper(id(random), text(random), text(random));
            case 8 -> new ClientFrame.Nick(id(random), text(random));
            case 9 -> new ClientFrame.Topic(id(random), text(random), text(random));
            case 10 -> new ClientFrame.Rooms(id(random));
            case 11 -> new ClientFrame.Who(id(random), text(random));
            default -> new ClientFrame.History(id(random), text(random),
                    orNull(random, 0.5, r -> between(r, 1L, Long.MAX_VALUE)),
                    orNull(random, 0.5, r -> between(r, 1, ProtocolLimits.MAX_HISTORY_LIMIT)));
        };
    }

    static ServerFrame.Message message(Random random) {
        return new ServerFrame.Message(text(random), text(random), text(random), between(random, 1L, Long.MAX_VALUE),
                Instant.ofEpochMilli(between(random, 0L, YEAR_3000_MILLIS)), id(random));
    }

    /** Lines made of JSON's own pieces, so that most of them get past the first character. */
    static String jsonIsh(Random random) {
        int pieces = between(random, 0, 40);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(oneOf(random, JSON_PIECES));
        }
        return out.toString();
    }

    /** Printable ASCII most often, then the rest of the BMP, control characters and supplementary ones. */
    private static int codePoint(Random random) {
        int pick = random.nextInt(11);
        if (pick < 6) {
            return between(random, 0x20, 0x7E);
        }
        if (pick < 7) {
            return between(random, 0x00, 0x1F);
        }
        if (pick < 10) {
            int bmp;
            do {
                bmp = between(random, 0x80, 0xFFFD);
            } while (bmp >= Character.MIN_SURROGATE && bmp <= Character.MAX_SURROGATE);
            return bmp;
        }
        return between(random, 0x1_0000, Character.MAX_CODE_POINT);
    }
}
