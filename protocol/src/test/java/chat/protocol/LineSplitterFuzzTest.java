package chat.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** However a stream of bytes is cut into reads, the splitter finds the same lines, none over the limit. */
class LineSplitterFuzzTest {

    private static final int TRIES = 2000;

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just((byte) '\n')),
                Tuple.of(1, Arbitraries.just((byte) '\r')),
                Tuple.of(10, Arbitraries.bytes()));
        return b.list().ofMaxSize(400).map(list -> {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i);
            }
            return out;
        });
    }

    @Property(tries = TRIES)
    void linesStayWithinTheLimitAndDoNotDependOnHowReadsAreCut(
            @ForAll("streams") byte[] stream,
            @ForAll @IntRange(min = 1, max = 64) int limit,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 50) Integer> readSizes) {
        LineSplitter splitter = new LineSplitter(limit);
        LinesSeen seen = new LinesSeen();

        ByteBuffer input = ByteBuffer.wrap(stream);
        for (int read = 0; input.hasRemaining(); read++) {
            int size = Math.min(readSizes.get(read % readSizes.size()), input.remaining());
            ByteBuffer chunk = input.slice().limit(size);
            input.position(input.position() + size);
            splitter.feed(chunk, seen);
        }

        for (byte[] line : seen.lines) {
            assertThat(line.length).isBetween(1, limit);
            assertThat(line).doesNotContain((byte) '\n');
        }
        assertThat(seen.tooLong).hasSizeLessThanOrEqualTo(1);
        Expected expected = Expected.split(stream, limit);
        assertThat(seen.lines.stream().map(line -> new String(line, ISO_8859_1)).toList()).isEqualTo(expected.lines);
        assertThat(!seen.tooLong.isEmpty()).isEqualTo(expected.tooLong);
    }

    /** The splitter's rules written out plainly, over the whole stream at once. */
    private record Expected(List<String> lines, boolean tooLong) {

        static Expected split(byte[] stream, int limit) {
            List<String> lines = new ArrayList<>();
            String all = new String(stream, ISO_8859_1);
            int start = 0;
            while (true) {
                int newline = all.indexOf('\n', start);
                String segment = newline < 0 ? all.substring(start) : all.substring(start, newline);
                if (newline < 0) {
                    boolean crlfStillPossible = segment.length() == limit + 1 && segment.endsWith("\r");
                    return new Expected(lines, segment.length() > limit && !crlfStillPossible);
                }
                String line = segment.endsWith("\r") ? segment.substring(0, segment.length() - 1) : segment;
                if (line.length() > limit) {
                    return new Expected(lines, true);
                }
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                start = newline + 1;
            }
        }
    }
}
