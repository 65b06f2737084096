package chat.protocol;

import static chat.protocol.Wire.json;
import static chat.protocol.Wire.line;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines that are not well-formed requests: each earns one clear error, and nothing else happens. */
class MalformedFrameTest {

    private final FrameCodec codec = new FrameCodec();

    private Decoded.Rejected refused(String singleQuoted) {
        Decoded decoded = codec.decodeRequest(line(singleQuoted));
        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        return (Decoded.Rejected) decoded;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello server", "{", "}", "{'type':'ping'", "{'type':}", "{'type':'ping',}",
        "{'type' 'ping'}", "{type:'ping'}", "{'type':'ping' /* hi */}", "{'type':'join','room':'r','since':NaN}",
        "{'type':'join','room':'r','since':0x10}", "{'type':'join','room':'r','since':+1}"})
    void textThatIsNotJsonIsABadFrame(String line) {
        Decoded.Rejected rejected = refused(line);

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).startsWith("not valid JSON");
    }

    @Test
    void singleQuotedJsonIsNotJson() {
        Decoded decoded = codec.decodeRequest("{'type':'ping'}");

        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        assertThat(((Decoded.Rejected) decoded).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{'type':'ping'}]", "'ping'", "42", "-1.5e3", "true", "null", "   "})
    void jsonThatIsNotAnObjectIsABadFrame(String line) {
        Decoded.Rejected rejected = refused(line);

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).isEqualTo("a frame is one JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'id':'q'}", "{'type':null}", "{'type':5}", "{'type':['ping']}", "{'Type':'ping'}"})
    void anObjectWithoutAStringTypeIsABadFrame(String line) {
        Decoded.Rejected rejected = refused(line);

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(rejected.message()).contains("\"type\"");
    }

    @Test
    void anObjectWithoutTypeStillAnswersItsId() {
        assertThat(refused("{'id':'q','nick':'alice'}").re()).isEqualTo("q");
    }

    @Test
    void aKeyGivenTwiceIsABadFrameSoNoOneGuessesWhichValueCounts() {
        assertThat(refused("{'type':'say','room':'a','room':'b','text':'hi'}").code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(refused("{'type':'ping','type':'bye'}").code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(refused("{'type':'say','room':'a','text':'x','meta':{'k':1,'k':2}}").code())
                .isEqualTo(ErrorCode.BAD_FRAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'type':'ping'}x", "{'type':'ping'}}", "{'type':'ping'}]", "{'type':'ping'} 1",
        "{'type':'ping'},", "{'type':'ping'}null"})
    void garbageAfterTheObjectIsABadFrame(String line) {
        assertThat(refused(line).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'type':'ping'}{'type':'ping'}", "{'type':'ping'} {'type':'bye'}"})
    void twoObjectsOnOneLineAreOneBadFrameNotTwoRequests(String line) {
        assertThat(refused(line).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'say','room':5,'text':'hi','id':'q'}",
        "{'type':'say','room':'r','text':['hi'],'id':'q'}",
        "{'type':'say','room':'r','text':true,'id':'q'}",
        "{'type':'hello','nick':{'first':'al'},'id':'q'}",
        "{'type':'hello','nick':'al','protocol':'1','id':'q'}",
        "{'type':'hello','nick':'al','client':7,'id':'q'}",
        "{'type':'join','room':'r','since':'3','id':'q'}",
        "{'type':'join','room':'r','since':1.0,'id':'q'}",
        "{'type':'join','room':'r','since':1e2,'id':'q'}",
        "{'type':'join','room':'r','since':99999999999999999999,'id':'q'}",
        "{'type':'history','room':'r','limit':1.5,'id':'q'}",
        "{'type':'history','room':'r','before':[],'id':'q'}",
    })
    void aFieldOfTheWrongJsonTypeIsABadRequestThatAnswersTheId(String line) {
        Decoded.Rejected rejected = refused(line);

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(rejected.re()).isEqualTo("q");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'say','room':null,'text':'hi'}",
        "{'type':'say','room':'r','text':null}",
        "{'type':'hello','nick':null}",
        "{'type':'whisper','to':null,'text':'x'}",
    })
    void aRequiredFieldSetToNullIsMissing(String line) {
        Decoded.Rejected rejected = refused(line);

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(rejected.message()).endsWith("is required");
    }

    @Test
    void anUnknownTypeIsNamedInTheErrorAndAnswersTheId() {
        Decoded.Rejected rejected = refused("{'type':'dance','id':'d1'}");

        assertThat(rejected).isEqualTo(new Decoded.Rejected(ErrorCode.UNKNOWN_TYPE, "unknown frame type \"dance\"", "d1"));
        assertThat(refused("{'type':'PING'}").code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
        assertThat(refused("{'type':''}").code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void aLongUnknownTypeIsRepeatedOnlyInPartWithoutSplittingAnEmoji() {
        String type = "x".repeat(31) + "😀" + "y".repeat(5000);

        Decoded.Rejected rejected = refused("{'type':'" + type + "'}");

        assertThat(rejected.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
        assertThat(rejected.message()).isEqualTo("unknown frame type \"" + "x".repeat(31) + "😀…\"");
        assertThat(TextRules.isWellFormed(rejected.message())).isTrue();
    }

    @Test
    void theIdMayBeAnyStringOfOneToSixtyFourCharacters() {
        String longest = "i".repeat(64);

        assertThat(codec.decodeRequest(line("{'type':'ping','id':'" + longest + "'}")))
                .isEqualTo(new Decoded.Request(new ClientFrame.Ping(longest)));
        assertThat(codec.decodeRequest(line("{'type':'ping','id':'请求 7'}")))
                .isEqualTo(new Decoded.Request(new ClientFrame.Ping("请求 7")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"''", "7", "true", "['a']", "{'n':1}",
        "'iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii'"})
    void aBadIdIsABadRequestThatCannotBeAnswered(String id) {
        Decoded.Rejected rejected = refused("{'type':'ping','id':" + id + "}");

        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(rejected.message()).contains("id");
        assertThat(rejected.re()).isNull();
    }

    @Test
    void theErrorAClientEarnsIsAServerFrameItCanRead() throws ProtocolException {
        Decoded.Rejected rejected = refused("{'type':'dance','id':'d1'}");

        assertThat(codec.decodeServerFrame(Wire.withoutNewline(codec.encode(rejected.toFrame()))))
                .isEqualTo(new ServerFrame.Error(ErrorCode.UNKNOWN_TYPE, rejected.message(), "d1"));
        assertThat(Wire.text(codec.encode(rejected.toFrame())))
                .isEqualTo(json("{'type':'error','code':'unknown-type','message':'unknown frame type \\'dance\\'','re':'d1'}\n"));
    }
}
