package chat.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** However a stream of bytes is cut into reads, the splitter finds the same lines, none over the limit. */
class LineSplitterFuzzTest {

    /** Mostly any byte, with newlines and carriage returns often enough to make many short lines. */
    private static final int NEWLINE_WEIGHT = 2;
    private static final int CARRIAGE_RETURN_WEIGHT = 1;
    private static final int ANY_BYTE_WEIGHT = 10;

    /** A stream, the longest line the splitter accepts, and the sizes of the reads it arrives in, in turn. */
    record Reads(byte[] stream, int limit, List<Integer> readSizes) {

        static Reads any(Random random) {
            byte[] stream = new byte[Generated.between(random, 0, 400)];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = streamByte(random);
            }
            int limit = Generated.between(random, 1, 64);
            int reads = Generated.between(random, 1, 20);
            List<Integer> readSizes = new ArrayList<>();
            while (readSizes.size() < reads) {
                readSizes.add(Generated.between(random, 1, 50));
            }
            return new Reads(stream, limit, readSizes);
        }

        private static byte streamByte(Random random) {
            int pick = random.nextInt(NEWLINE_WEIGHT + CARRIAGE_RETURN_WEIGHT + ANY_BYTE_WEIGHT);
            if (pick < NEWLINE_WEIGHT) {
                return '\n';
            }
            if (pick < NEWLINE_WEIGHT + CARRIAGE_RETURN_WEIGHT) {
                return '\r';
            }
            return Generated.anyByte(random);
        }

        @Override
        public String toString() {
            return "stream " + Tries.shown(stream) + ", limit " + limit + ", read sizes " + readSizes;
        }
    }

    @Test
    void linesStayWithinTheLimitAndDoNotDependOnHowReadsAreCut() {
        Tries.forAll(20_001L, Reads::any, LineSplitterFuzzTest::findsTheSameLinesAsInTheWholeStream);
    }

    private static void findsTheSameLinesAsInTheWholeStream(Reads reads) {
        byte[] stream = reads.stream();
        int limit = reads.limit();
        List<Integer> readSizes = reads.readSizes();
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
