package chat.protocol;

import static chat.protocol.Wire.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the server understands when a client sends each request of protocol v1. */
class ClientFrameDecodingTest {

    private final FrameCodec codec = new FrameCodec();

    private ClientFrame understood(String singleQuoted) {
        Decoded decoded = codec.decodeRequest(line(singleQuoted));
        assertThat(decoded).isInstanceOf(Decoded.Request.class);
        return ((Decoded.Request) decoded).frame();
    }

    private Decoded.Rejected refused(String singleQuoted) {
        Decoded decoded = codec.decodeRequest(line(singleQuoted));
        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        return (Decoded.Rejected) decoded;
    }

    @Test
    void aClientIntroducesItselfWithJustANick() {
        assertThat(understood("{'type':'hello','nick':'alice'}"))
                .isEqualTo(new ClientFrame.Hello(null, "alice", null, null));
    }

    @Test
    void aClientMayNameItsProtocolVersionAndItself() {
        assertThat(understood("{'type':'hello','nick':'小明','protocol':1,'client':'swing/1.0','id':'h1'}"))
                .isEqualTo(new ClientFrame.Hello("h1", "小明", 1, "swing/1.0"));
    }

    @Test
    void pingPongAndByeCarryNothingButTheirId() {
        assertThat(understood("{'type':'ping'}")).isEqualTo(new ClientFrame.Ping(null));
        assertThat(understood("{'type':'ping','id':'p-7'}")).isEqualTo(new ClientFrame.Ping("p-7"));
        assertThat(understood("{'type':'pong'}")).isEqualTo(new ClientFrame.Pong(null));
        assertThat(understood("{'type':'bye'}")).isEqualTo(new ClientFrame.Bye(null, null));
        assertThat(understood("{'type':'bye','reason':'lunch'}")).isEqualTo(new ClientFrame.Bye(null, "lunch"));
    }

    @Test
    void joiningARoomAsksForRecentHistoryUnlessSinceIsGiven() {
        assertThat(understood("{'type':'join','room':'大厅'}")).isEqualTo(new ClientFrame.Join(null, "大厅", null));
        assertThat(understood("{'type':'join','room':'lobby','since':41}"))
                .isEqualTo(new ClientFrame.Join(null, "lobby", 41L));
        assertThat(understood("{'type':'join','room':'lobby','since':0}"))
                .isEqualTo(new ClientFrame.Join(null, "lobby", 0L));
    }

    @Test
    void leavingNamesTheRoom() {
        assertThat(understood("{'type':'leave','room':'lobby','id':'l'}"))
                .isEqualTo(new ClientFrame.Leave("l", "lobby"));
    }

    @Test
    void sayingKeepsTheTextExactlyAsTyped() {
        assertThat(understood("{'type':'say','room':'lobby','text':'你好\\n\\tsecond line 😀','id':'s1'}"))
                .isEqualTo(new ClientFrame.Say("s1", "lobby", "你好\n\tsecond line 😀"));
    }

    @Test
    void aSurrogatePairWrittenAsEscapesIsOneEmoji() {
        assertThat(understood("{'type':'say','room':'r','text':'\\ud83d\\ude00'}"))
                .isEqualTo(new ClientFrame.Say(null, "r", "😀"));
    }

    @Test
    void whisperingNamesTheAddressee() {
        assertThat(understood("{'type':'whisper','to':'bob','text':'psst'}"))
                .isEqualTo(new ClientFrame.Whisper(null, "bob", "psst"));
    }

    @Test
    void renamingCarriesTheNewNick() {
        assertThat(understood("{'type':'nick','nick':'alicia'}")).isEqualTo(new ClientFrame.Nick(null, "alicia"));
    }

    @Test
    void settingATopicMayAlsoClearIt() {
        assertThat(understood("{'type':'topic','room':'lobby','topic':'Friday drinks'}"))
                .isEqualTo(new ClientFrame.Topic(null, "lobby", "Friday drinks"));
        assertThat(understood("{'type':'topic','room':'lobby','topic':''}"))
                .isEqualTo(new ClientFrame.Topic(null, "lobby", ""));
    }

    @Test
    void listingRoomsAndMembers() {
        assertThat(understood("{'type':'rooms'}")).isEqualTo(new ClientFrame.Rooms(null));
        assertThat(understood("{'type':'who','room':'lobby'}")).isEqualTo(new ClientFrame.Who(null, "lobby"));
    }

    @Test
    void historyMayPageBackwardsWithBeforeAndLimit() {
        assertThat(understood("{'type':'history','room':'lobby'}"))
                .isEqualTo(new ClientFrame.History(null, "lobby", null, null));
        assertThat(understood("{'type':'history','room':'lobby','before':120,'limit':200}"))
                .isEqualTo(new ClientFrame.History(null, "lobby", 120L, 200));
        assertThat(understood("{'type':'history','room':'lobby','limit':1}"))
                .isEqualTo(new ClientFrame.History(null, "lobby", null, 1));
    }

    @Test
    void fieldsThisVersionDoesNotKnowAreIgnoredSoClientsMayExtendFrames() {
        assertThat(understood("{'type':'say','room':'r','text':'hi','format':{'bold':[1,2]},'x':null}"))
                .isEqualTo(new ClientFrame.Say(null, "r", "hi"));
    }

    @Test
    void fieldOrderDoesNotMatter() {
        assertThat(understood("{'text':'hi','room':'r','id':'9','type':'say'}"))
                .isEqualTo(new ClientFrame.Say("9", "r", "hi"));
    }

    @Test
    void anOptionalFieldSetToNullCountsAsAbsent() {
        assertThat(understood("{'type':'join','room':'r','since':null,'id':null}"))
                .isEqualTo(new ClientFrame.Join(null, "r", null));
    }

    @Test
    void insignificantWhitespaceAroundTokensIsFine() {
        assertThat(understood("  { 'type' : 'ping' ,\t'id' : 'w' }  ")).isEqualTo(new ClientFrame.Ping("w"));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'type':'hello'}                        | nick",
        "{'type':'join'}                         | room",
        "{'type':'leave'}                        | room",
        "{'type':'say','room':'r'}               | text",
        "{'type':'say','text':'t'}               | room",
        "{'type':'whisper','text':'t'}           | to",
        "{'type':'whisper','to':'bob'}           | text",
        "{'type':'nick'}                         | nick",
        "{'type':'topic','room':'r'}             | topic",
        "{'type':'who'}                          | room",
        "{'type':'history'}                      | room",
    })
    void aRequestMissingARequiredFieldIsABadRequestThatNamesIt(String frame, String field) {
        Decoded.Rejected rejected = refused(frame.replace("}", ",'id':'q'}"));
        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(rejected.message()).contains("\"" + field + "\"");
        assertThat(rejected.re()).isEqualTo("q");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'type':'history','room':'r','limit':0}     | limit",
        "{'type':'history','room':'r','limit':201}   | limit",
        "{'type':'history','room':'r','before':0}    | before",
        "{'type':'join','room':'r','since':-1}       | since",
        "{'type':'hello','nick':'a','protocol':-1}   | protocol",
    })
    void numbersOutsideTheirRangeAreBadRequests(String frame, String field) {
        Decoded.Rejected rejected = refused(frame);
        assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(rejected.message()).contains("\"" + field + "\"");
    }

    static Stream<ClientFrame> everyClientFrame() {
        return Stream.of(
                new ClientFrame.Hello("h", "小明", 1, "swing/1.0"),
                new ClientFrame.Ping("p"),
                new ClientFrame.Pong(null),
                new ClientFrame.Bye(null, null),
                new ClientFrame.Join("j", "大厅", 12L),
                new ClientFrame.Leave(null, "lobby"),
                new ClientFrame.Say("s", "lobby", "two\nlines 😀"),
                new ClientFrame.Whisper(null, "bob", "psst"),
                new ClientFrame.Nick(null, "alicia"),
                new ClientFrame.Topic("t", "lobby", "Friday drinks"),
                new ClientFrame.Rooms(null),
                new ClientFrame.Who(null, "lobby"),
                new ClientFrame.History("hi", "lobby", 100L, 20),
                new ClientFrame.Hello("h2", "alice", null, null, new Secret("correct horse")),
                new ClientFrame.Register("r", new Secret("correct horse")),
                new ClientFrame.ChangePassword(null, new Secret("correct horse"), new Secret("battery staple")),
                new ClientFrame.Op("o", "den", "carol", true),
                new ClientFrame.Op(null, "den", "carol", false),
                new ClientFrame.Kick("k", "den", "bob", "spam"),
                new ClientFrame.Kick(null, "den", "bob", null),
                new ClientFrame.Ban("b", "den", "bob", true),
                new ClientFrame.Ban(null, "den", "bob", false),
                new ClientFrame.Mode("m", "den", true, null, false),
                new ClientFrame.Invite(null, "den", "bob"),
                new ClientFrame.Claim("c", "attic"),
                new ClientFrame.Kill(null, "bob", "flooding"));
    }

    @ParameterizedTest
    @MethodSource("everyClientFrame")
    void whatTheClientLibraryEncodesTheServerUnderstandsUnchanged(ClientFrame frame) {
        byte[] encoded = codec.encode(frame);

        assertThat(Wire.text(encoded)).startsWith("{\"type\":\"" + frame.type() + "\"").endsWith("}\n");
        assertThat(codec.decodeRequest(Wire.withoutNewline(encoded))).isEqualTo(new Decoded.Request(frame));
    }

    @Test
    void theSamplesCoverEveryKindOfClientFrame() {
        Set<Class<?>> sampled = everyClientFrame().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrder(ClientFrame.class.getPermittedSubclasses());
    }
}
