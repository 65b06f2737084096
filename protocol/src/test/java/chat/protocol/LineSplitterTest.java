package chat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How a byte stream from a client is cut into frames before anything decodes it. */
class LineSplitterTest {

    private static final int FRAME_LIMIT = 16_384;
    private static final int UNREGISTERED_LIMIT = 1_024;

    private final LinesSeen seen = new LinesSeen();

    private static void feed(LineSplitter splitter, String text, LinesSeen sink) {
        byte[] bytes = text.getBytes(UTF_8);
        splitter.feed(bytes, 0, bytes.length, sink);
    }

    @Test
    void linesEndAtLineFeedWithOrWithoutCarriageReturn() {
        feed(new LineSplitter(FRAME_LIMIT), "{\"type\":\"ping\"}\n{\"type\":\"bye\"}\r\n", seen);

        assertThat(seen.texts()).containsExactly("{\"type\":\"ping\"}", "{\"type\":\"bye\"}");
        assertThat(seen.tooLong).isEmpty();
    }

    @Test
    void emptyLinesAreIgnoredWhetherLfOrCrlf() {
        feed(new LineSplitter(FRAME_LIMIT), "\n\r\n\n{\"type\":\"ping\"}\n\n\r\n", seen);

        assertThat(seen.texts()).containsExactly("{\"type\":\"ping\"}");
    }

    @Test
    void aLineWithoutItsNewlineWaitsForTheRest() {
        LineSplitter splitter = new LineSplitter(FRAME_LIMIT);

        feed(splitter, "{\"type\":", seen);
        assertThat(seen.lines).isEmpty();
        assertThat(splitter.hasPartialLine()).isTrue();

        feed(splitter, "\"ping\"}\n", seen);
        assertThat(seen.texts()).containsExactly("{\"type\":\"ping\"}");
        assertThat(splitter.hasPartialLine()).isFalse();
    }

    @Test
    void aFrameSplitByteByByteAndMidCharacterArrivesWhole() {
        String frame = "{\"type\":\"say\",\"room\":\"大厅\",\"text\":\"你好 😀\"}";
        byte[] bytes = (frame + "\r\n").getBytes(UTF_8);
        LineSplitter splitter = new LineSplitter(FRAME_LIMIT);

        for (byte b : bytes) {
            splitter.feed(new byte[] {b}, 0, 1, seen);
        }

        assertThat(seen.texts()).containsExactly(frame);
        assertThat(seen.lines.get(0)).isEqualTo(frame.getBytes(UTF_8));
    }

    @Test
    void aMultiByteCharacterCutAcrossTwoReadsIsJoinedBeforeDecoding() {
        byte[] bytes = "{\"type\":\"nick\",\"nick\":\"小明\"}\n".getBytes(UTF_8);
        int insideXiao = new String(bytes, UTF_8).indexOf('小') + 1;
        LineSplitter splitter = new LineSplitter(FRAME_LIMIT);

        splitter.feed(ByteBuffer.wrap(bytes, 0, insideXiao), seen);
        splitter.feed(ByteBuffer.wrap(bytes, insideXiao, bytes.length - insideXiao), seen);

        assertThat(new FrameCodec().decodeRequest(seen.lines.get(0)))
                .isEqualTo(new Decoded.Request(new ClientFrame.Nick(null, "小明")));
    }

    @Test
    void manyFramesInOneReadAreAllHandedOnInOrder() {
        feed(new LineSplitter(FRAME_LIMIT), "a\nb\r\nc\n", seen);

        assertThat(seen.texts()).containsExactly("a", "b", "c");
    }

    @Test
    void aLineOfExactlyTheLimitPasses() {
        String atLimit = "x".repeat(UNREGISTERED_LIMIT);

        feed(new LineSplitter(UNREGISTERED_LIMIT), atLimit + "\n", seen);

        assertThat(seen.texts()).containsExactly(atLimit);
        assertThat(seen.tooLong).isEmpty();
    }

    @Test
    void theCarriageReturnOfCrlfDoesNotCountAgainstTheLimit() {
        String atLimit = "x".repeat(UNREGISTERED_LIMIT);

        feed(new LineSplitter(UNREGISTERED_LIMIT), atLimit + "\r\n", seen);

        assertThat(seen.texts()).containsExactly(atLimit);
    }

    @Test
    void oneByteOverTheLimitIsTooLongBeforeTheNewlineArrives() {
        feed(new LineSplitter(UNREGISTERED_LIMIT), "x".repeat(UNREGISTERED_LIMIT + 1), seen);

        assertThat(seen.tooLong).containsExactly(UNREGISTERED_LIMIT);
        assertThat(seen.lines).isEmpty();
    }

    @Test
    void aLoneCarriageReturnPastTheLimitIsTooLong() {
        feed(new LineSplitter(4), "abcd\r\r\n", seen);

        assertThat(seen.tooLong).containsExactly(4);
        assertThat(seen.lines).isEmpty();
    }

    @Test
    void aLoneCarriageReturnWithinTheLimitIsLeftInTheLineForTheCodecToRefuse() {
        feed(new LineSplitter(FRAME_LIMIT), "{\"type\":\"ping\"}\r\r\n", seen);

        assertThat(seen.texts()).containsExactly("{\"type\":\"ping\"}\r");
        assertThat(new FrameCodec().decodeRequest(seen.lines.get(0))).isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void afterTooLongTheStreamIsIgnoredBecauseTheConnectionIsClosing() {
        LineSplitter splitter = new LineSplitter(8);

        feed(splitter, "123456789", seen);
        feed(splitter, "\n{\"type\":\"ping\"}\n" + "y".repeat(100) + "\n", seen);

        assertThat(seen.tooLong).containsExactly(8);
        assertThat(seen.lines).isEmpty();
    }

    @Test
    void aHundredMegabyteLineIsCutAtTheLimitAndNeverBuffered() {
        LineSplitter splitter = new LineSplitter(FRAME_LIMIT);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long hundredMegabytes = 100L * 1024 * 1024;

        ByteBuffer first = ByteBuffer.wrap(chunk);
        splitter.feed(first, seen);

        assertThat(seen.tooLong).containsExactly(FRAME_LIMIT);
        assertThat(first.position())
                .as("the splitter stops reading at the first byte over the limit")
                .isEqualTo(FRAME_LIMIT + 1);
        for (long fed = chunk.length; fed < hundredMegabytes; fed += chunk.length) {
            ByteBuffer next = ByteBuffer.wrap(chunk);
            splitter.feed(next, seen);
            assertThat(next.position()).isZero();
        }
        assertThat(seen.tooLong).containsExactly(FRAME_LIMIT);
        assertThat(seen.lines).isEmpty();
        assertThat(splitter.hasPartialLine()).isFalse();
    }

    @Test
    void aLargeFrameDoesNotStopSmallOnesAfterIt() {
        String big = "b".repeat(FRAME_LIMIT);
        LineSplitter splitter = new LineSplitter(FRAME_LIMIT);

        feed(splitter, big + "\n" + "small\n", seen);

        assertThat(seen.texts()).containsExactly(big, "small");
    }

    @Test
    void theLimitGrowsOnceTheClientHasRegistered() {
        LineSplitter splitter = new LineSplitter(UNREGISTERED_LIMIT);
        String bigSay = "s".repeat(4_000);

        feed(splitter, "{\"type\":\"hello\",\"nick\":\"alice\"}\n", seen);
        splitter.limit(FRAME_LIMIT);
        feed(splitter, bigSay + "\n", seen);

        assertThat(splitter.limit()).isEqualTo(FRAME_LIMIT);
        assertThat(seen.texts()).containsExactly("{\"type\":\"hello\",\"nick\":\"alice\"}", bigSay);
        assertThat(seen.tooLong).isEmpty();
    }

    @Test
    void aNewLimitAppliesToTheLineAlreadyBeingRead() {
        LineSplitter splitter = new LineSplitter(UNREGISTERED_LIMIT);
        String line = "z".repeat(3_000);

        feed(splitter, line.substring(0, 1_000), seen);
        splitter.limit(FRAME_LIMIT);
        feed(splitter, line.substring(1_000) + "\n", seen);

        assertThat(seen.texts()).containsExactly(line);
    }

    @Test
    void beforeRegistrationTheSmallLimitHolds() {
        feed(new LineSplitter(UNREGISTERED_LIMIT), "{\"type\":\"hello\",\"nick\":\"" + "a".repeat(2_000) + "\"}\n", seen);

        assertThat(seen.tooLong).containsExactly(UNREGISTERED_LIMIT);
        assertThat(seen.lines).isEmpty();
    }

    @Test
    void loweringTheLimitBelowAPartLineMakesItTooLong() {
        LineSplitter splitter = new LineSplitter(FRAME_LIMIT);

        feed(splitter, "w".repeat(2_000), seen);
        splitter.limit(UNREGISTERED_LIMIT);
        feed(splitter, "\n", seen);

        assertThat(seen.tooLong).containsExactly(UNREGISTERED_LIMIT);
        assertThat(seen.lines).isEmpty();
    }

    @Test
    void onlyTheGivenSliceOfAnArrayIsRead() {
        byte[] bytes = "junk{\"type\":\"ping\"}\njunk".getBytes(UTF_8);

        new LineSplitter(FRAME_LIMIT).feed(bytes, 4, bytes.length - 8, seen);

        assertThat(seen.texts()).containsExactly("{\"type\":\"ping\"}");
    }

    @Test
    void skippingLongLinesReportsEachLongLineOnceAndReadsTheLinesAfterIt() {
        LineSplitter splitter = LineSplitter.skippingLongLines(8);

        feed(splitter, "PING a\n" + "x".repeat(20), seen);
        feed(splitter, "x".repeat(5_000) + "\r\nPING b\n", seen);
        feed(splitter, "y".repeat(9) + "\nPING c\r\n", seen);

        assertThat(seen.tooLong).containsExactly(8, 8);
        assertThat(seen.texts()).containsExactly("PING a", "PING b", "PING c");
    }

    @Test
    void skippingLongLinesStillTakesALineOfExactlyTheLimit() {
        feed(LineSplitter.skippingLongLines(8), "12345678\r\n123456789\n12345678\n", seen);

        assertThat(seen.texts()).containsExactly("12345678", "12345678");
        assertThat(seen.tooLong).containsExactly(8);
    }

    @Test
    void skippingLongLinesReadsOnAfterALineTheLoweredLimitMadeTooLong() {
        LineSplitter splitter = LineSplitter.skippingLongLines(100);

        feed(splitter, "w".repeat(50), seen);
        splitter.limit(10);
        feed(splitter, "\nshort\n", seen);

        assertThat(seen.tooLong).containsExactly(10);
        assertThat(seen.texts()).containsExactly("short");
    }
}
