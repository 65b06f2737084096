package chat.protocol;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for the property tests: any text a person could type, and frames built from it. */
final class Generated {

    private static final long YEAR_3000_MILLIS = 32_503_680_000_000L;

    private Generated() {}

    /** Well-formed text: ASCII, control characters, the rest of the BMP and supplementary characters. */
    static Arbitrary<String> text(int minCodePoints, int maxCodePoints) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x80, 0xFFFD)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1_0000, Character.MAX_CODE_POINT)));
        return codePoint.list().ofMinSize(minCodePoints).ofMaxSize(maxCodePoints).map(codePoints -> {
            StringBuilder out = new StringBuilder();
            codePoints.forEach(out::appendCodePoint);
            return out.toString();
        });
    }

    static Arbitrary<String> text() {
        return text(0, 40);
    }

    /** An id a client may put on a request (1..64 chars), or none. */
    static Arbitrary<String> id() {
        return text(1, 32).injectNull(0.3);
    }

    static Arbitrary<ClientFrame> clientFrame() {
        Arbitrary<String> id = id();
        Arbitrary<String> text = text();
        return Arbitraries.oneOf(
                Combinators.combine(id, text, Arbitraries.integers().greaterOrEqual(0).injectNull(0.5),
                        text.injectNull(0.5)).as(ClientFrame.Hello::new),
                id.map(ClientFrame.Ping::new),
                id.map(ClientFrame.Pong::new),
                id.map(ClientFrame.Bye::new),
                Combinators.combine(id, text, Arbitraries.longs().greaterOrEqual(0).injectNull(0.5))
                        .as(ClientFrame.Join::new),
                Combinators.combine(id, text).as(ClientFrame.Leave::new),
                Combinators.combine(id, text, text).as(ClientFrame.Say::new),
                Combinators.combine(id, text, text).as(ClientFrame.Whisper::new),
                Combinators.combine(id, text).as(ClientFrame.Nick::new),
                Combinators.combine(id, text, text).as(ClientFrame.Topic::new),
                id.map(ClientFrame.Rooms::new),
                Combinators.combine(id, text).as(ClientFrame.Who::new),
                Combinators.combine(id, text, Arbitraries.longs().greaterOrEqual(1).injectNull(0.5),
                        Arbitraries.integers().between(1, ProtocolLimits.MAX_HISTORY_LIMIT).injectNull(0.5))
                        .as(ClientFrame.History::new));
    }

    static Arbitrary<ServerFrame.Message> message() {
        Arbitrary<Instant> ts = Arbitraries.longs().between(0, YEAR_3000_MILLIS).map(Instant::ofEpochMilli);
        return Combinators.combine(text(), text(), text(), Arbitraries.longs().greaterOrEqual(1), ts, id())
                .as(ServerFrame.Message::new);
    }

    /** Lines made of JSON's own pieces, so that most of them get past the first character. */
    static Arbitrary<String> jsonIsh() {
        Arbitrary<String> token = Arbitraries.of(
                "{", "}", "[", "]", ":", ",", "\"", "\\", " ", "\t", "\r", "'",
                "\"type\"", "\"id\"", "\"room\"", "\"text\"", "\"nick\"", "\"since\"", "\"before\"", "\"limit\"",
                "\"hello\"", "\"say\"", "\"join\"", "\"history\"", "\"ping\"", "\"x\"", "\"\"",
                "null", "true", "false", "0", "-1", "1.5", "1e999", "-0", "99999999999999999999", "NaN",
                "\"\\ud800\"", "\"\\udc00\"", "\"\\u0000\"", "\"\\n\"", "\\u", "\\ud83d\\ude00",
                "😀", "\ud83d", "小明", "\u0000", "\u202E", "\u3164");
        return token.list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }
}
