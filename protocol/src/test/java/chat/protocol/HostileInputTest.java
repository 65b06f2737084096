package chat.protocol;

import static chat.protocol.Wire.bytes;
import static chat.protocol.Wire.line;
import static chat.protocol.Wire.splice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bombs and broken encodings: refused as bad frames, cheaply, and never passed on as text. */
class HostileInputTest {

    private final FrameCodec codec = new FrameCodec();

    private Decoded.Rejected refused(byte[] line) {
        Decoded decoded = codec.decodeRequest(line);
        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        return (Decoded.Rejected) decoded;
    }

    @Test
    void sixteenThousandOpenBracketsAreStoppedAtTheNestingCapNotParsedToTheEnd() {
        Decoded.Rejected rejected = refused("[".repeat(16_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).contains("nesting depth (17)");
    }

    @Test
    void deepNestingInsideAnOtherwiseValidRequestIsABadFrame() {
        Decoded.Rejected rejected = refused(line("{'type':'say','room':'r','text':'x','extra':" + "[".repeat(16_000)));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).contains("nesting depth");
    }

    @Test
    void nestingThatAServerFrameNeedsIsWellWithinTheCap() {
        String fifteenDeep = "[".repeat(14) + "]".repeat(14);

        assertThat(codec.decodeRequest(line("{'type':'ping','extra':" + fifteenDeep + "}")))
                .isEqualTo(new Decoded.Request(new ClientFrame.Ping(null)));
    }

    @Test
    void aTenThousandDigitNumberIsRefusedWithoutBeingConverted() {
        Decoded.Rejected rejected = refused(line("{'type':'join','room':'r','since':" + "9".repeat(10_000) + "}"));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).contains("Number value length");
    }

    @Test
    void aLongFractionIsRefusedToo() {
        assertThat(refused(line("{'type':'ping','x':0." + "1".repeat(10_000) + "}")).code())
                .isEqualTo(ErrorCode.BAD_FRAME);
    }

    @Test
    void aFrameOfGarbageIsQuotedBackOnlyInPart() {
        Decoded.Rejected rejected = refused(line("{'type':'ping'}" + "y".repeat(16_000)));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).hasSizeLessThan(512);
    }

    @Test
    void aStringThatFillsAWholeFrameIsStillAFrame() {
        String text = "x".repeat(16_000);

        assertThat(codec.decodeRequest(line("{'type':'say','room':'r','text':'" + text + "'}")))
                .isEqualTo(new Decoded.Request(new ClientFrame.Say(null, "r", text)));
    }

    @ParameterizedTest(name = "bytes {0}")
    @ValueSource(strings = {
        "C0 AF",          // overlong '/'
        "E0 80 AF",       // overlong '/' in three bytes
        "ED A0 80",       // a UTF-16 surrogate encoded as UTF-8
        "ED BF BF",
        "F5 80 80 80",    // beyond U+10FFFF
        "F8 88 80 80 80",
        "FE", "FF",
        "80",             // a continuation byte with no lead
        "E5 B0",          // 小 cut short
        "F0 9F 98",       // 😀 cut short
    })
    void invalidUtf8InsideAStringIsABadFrame(String hex) {
        Decoded.Rejected rejected = refused(splice("{'type':'say','room':'r','text':'", bytes(hex), "'}"));

        assertThat(rejected).isEqualTo(new Decoded.Rejected(ErrorCode.BAD_FRAME, "frame is not valid UTF-8", null));
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("bytesThatNeverAppearInUtf8")
    void noByteFromF5ToFfIsEverAccepted(int lead) {
        byte[] line = splice("{'type':'say','room':'r','text':'", new byte[] {(byte) lead, (byte) 0x80, (byte) 0x80}, "'}");

        assertThat(refused(line).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    static IntStream bytesThatNeverAppearInUtf8() {
        return IntStream.rangeClosed(0xF5, 0xFF);
    }

    @ParameterizedTest(name = "ends with {0}")
    @ValueSource(strings = {"E5", "E5 B0", "F0 9F 98", "C3"})
    void aCharacterCutByTheNewlineIsABadFrame(String hex) {
        assertThat(refused(splice("{'type':'ping'}", bytes(hex), "")).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @Test
    void wellFormedMultiByteTextIsAccepted() {
        byte[] text = bytes("E5 B0 8F E6 98 8E F0 9F 98 80");

        assertThat(codec.decodeRequest(splice("{'type':'say','room':'r','text':'", text, "'}")))
                .isEqualTo(new Decoded.Request(new ClientFrame.Say(null, "r", "小明😀")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'say','room':'r','text':'\\ud800'}",
        "{'type':'say','room':'r','text':'a\\udc00b'}",
        "{'type':'say','room':'r','text':'\\ude00\\ud83d'}",
        "{'type':'hello','nick':'al\\ud83d'}",
        "{'type':'ping','extra':[['\\ud800']]}",
    })
    void aLoneSurrogateEscapeIsABadFrameWhereverItHides(String line) {
        Decoded.Rejected rejected = refused(line(line));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).contains("lone surrogate");
    }

    @Test
    void aLoneSurrogateInAKeyIsABadFrame() {
        assertThat(refused(line("{'type':'ping','\\ud800':1}")).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @Test
    void aLoneSurrogateInAJavaStringIsABadFrameToo() {
        assertThat(codec.decodeRequest("{\"type\":\"say\",\"room\":\"r\",\"text\":\"\ud800\"}"))
                .isInstanceOf(Decoded.Rejected.class);
    }

    @ParameterizedTest(name = "raw byte {0}")
    @ValueSource(strings = {"00", "01", "07", "09", "0A", "0D", "1B", "1F"})
    void aRawControlByteInsideAStringIsABadFrame(String hex) {
        Decoded.Rejected rejected = refused(splice("{'type':'say','room':'r','text':'a", bytes(hex), "b'}"));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @Test
    void aRawNulBetweenTokensIsABadFrame() {
        assertThat(refused(splice("{'type':'ping'", bytes("00"), "}")).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @Test
    void anEscapedControlCharacterIsLegalJsonAndLeftForTheTextRulesToRefuse() {
        Decoded decoded = codec.decodeRequest(line("{'type':'say','room':'r','text':'a\\u0000b'}"));

        assertThat(decoded).isEqualTo(new Decoded.Request(new ClientFrame.Say(null, "r", "a\u0000b")));
        assertThat(TextRules.messageProblem("a\u0000b", 4000)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'type':'ping'}\r", "\r{'type':'ping'}", "{'type':'ping',\r'id':'x'}",
        "{'type':'ping'}\r{'type':'bye'}"})
    void aLoneCarriageReturnIsABadFrame(String line) {
        Decoded.Rejected rejected = refused(line(line));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).contains("carriage return");
    }

    @Test
    void anEmptyLineReachingTheCodecIsABadFrame() {
        assertThat(refused(new byte[0]).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @Test
    void aByteOrderMarkIsNotPartOfAFrame() {
        assertThat(refused(splice("", bytes("EF BB BF"), "{'type':'ping'}")).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }
}
