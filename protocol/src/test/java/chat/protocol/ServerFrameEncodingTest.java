package chat.protocol;

import static chat.protocol.Wire.json;
import static chat.protocol.Wire.text;
import static chat.protocol.Wire.withoutNewline;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client reads when the server sends each frame of protocol v1. */
class ServerFrameEncodingTest {

    private static final Instant NOON = Instant.parse("2026-11-27T12:00:00.123Z");

    private final FrameCodec codec = new FrameCodec();

    private static ServerFrame.Message message(long seq, String text, String re) {
        return new ServerFrame.Message("lobby", "alice", text, seq, NOON.plusSeconds(seq), re);
    }

    static Stream<ServerFrame> everyServerFrame() {
        return Stream.of(
                new ServerFrame.Welcome("小明", 1, "chat/1.0", 30, "Welcome to the lab chat", "h1"),
                new ServerFrame.Pong("p1"),
                new ServerFrame.Pong(null),
                new ServerFrame.Ping(),
                new ServerFrame.Bye("client quit", null),
                new ServerFrame.Joined("大厅", "Friday drinks", List.of("alice", "小明"),
                        List.of(message(1, "first", null), message(2, "second\nline", null)), "k3v9x", "j1"),
                new ServerFrame.Joined("empty", "", List.of("alice"), List.of(), "k3v9x", null),
                new ServerFrame.Left("lobby", "l1"),
                new ServerFrame.Presence("lobby", "bob", PresenceEvent.JOIN, null, null),
                new ServerFrame.Presence("lobby", "bob", PresenceEvent.LEAVE, null, null),
                new ServerFrame.Presence("lobby", "bobby", PresenceEvent.RENAME, "bob", null),
                new ServerFrame.Presence("lobby", "bob", PresenceEvent.QUIT, null, "ping timeout"),
                message(42, "hi 😀\tthere", "s1"),
                message(43, "fan-out copy", null),
                new ServerFrame.Whisper("alice", "bob", "psst", NOON, "w1"),
                new ServerFrame.NickChanged("bob", "bobby", "n1"),
                new ServerFrame.Topic("lobby", "Friday drinks", "alice", "t1"),
                new ServerFrame.Topic("lobby", "", "alice", null),
                new ServerFrame.RoomList(List.of(new ServerFrame.RoomSummary("lobby", 3, "hello"),
                        new ServerFrame.RoomSummary("大厅", 1, "")), "r1"),
                new ServerFrame.RoomList(List.of(), null),
                new ServerFrame.Members("lobby", List.of("alice", "bob"), "m1"),
                new ServerFrame.Members("nowhere", List.of(), null),
                new ServerFrame.History("lobby", List.of(message(7, "old", null), message(8, "older", null)), "hi"),
                new ServerFrame.History("nowhere", List.of(), null),
                new ServerFrame.Error(ErrorCode.NOT_IN_ROOM, "you are not in room \"x\"", "s2"),
                new ServerFrame.Error(ErrorCode.FRAME_TOO_LONG, "frame over 16384 bytes", null),
                new ServerFrame.Welcome("alice", 1, "chat/1.0", 30, "hi", "alice", "h2"),
                new ServerFrame.Registered("alice", "r"),
                new ServerFrame.PasswordChanged(null),
                new ServerFrame.Joined("den", "", List.of("alice", "carol"), List.of(), "k3v9x",
                        Map.of("alice", Role.OWNER), new RoomMode(true, false, true), "j"),
                new ServerFrame.Presence("den", "bob", PresenceEvent.KICK, null, "spam", "carol", "k"),
                new ServerFrame.Killed("bob", "killed by root: flooding", "k"),
                new ServerFrame.RoleChanged("den", "carol", Role.OP, "alice", "o"),
                new ServerFrame.Kicked("den", "carol", null, null),
                new ServerFrame.Bans("den", List.of("bob", "troll"), "b"),
                new ServerFrame.ModeChanged("den", new RoomMode(false, true, false), "alice", null),
                new ServerFrame.Invited("den", "bob", "alice", "i"));
    }

    @ParameterizedTest
    @MethodSource("everyServerFrame")
    void aClientReadsBackExactlyTheFrameTheServerSent(ServerFrame frame) throws ProtocolException {
        byte[] encoded = codec.encode(frame);

        assertThat(codec.decodeServerFrame(withoutNewline(encoded))).isEqualTo(frame);
        assertThat(codec.decodeServerFrame(text(withoutNewline(encoded)))).isEqualTo(frame);
    }

    @ParameterizedTest
    @MethodSource("everyServerFrame")
    void everyFrameIsOneLineWithTypeFirst(ServerFrame frame) {
        String line = text(codec.encode(frame));

        assertThat(line).endsWith("\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(line).doesNotContain("\r").startsWith("{\"type\":\"" + frame.type() + "\"");
    }

    @Test
    void theSamplesCoverEveryKindOfServerFrame() {
        Set<Class<?>> sampled = everyServerFrame().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrder(ServerFrame.class.getPermittedSubclasses());
    }

    @Test
    void welcomeOnTheWire() {
        assertThat(text(codec.encode(new ServerFrame.Welcome("alice", 1, "chat/1.0", 30, "hi", null))))
                .isEqualTo(json("{'type':'welcome','nick':'alice','protocol':1,'server':'chat/1.0','heartbeat':30,'motd':'hi'}\n"));
    }

    @Test
    void theSendersOwnMessageComesBackWithReAndMillisecondTimestamp() {
        ServerFrame.Message stored = new ServerFrame.Message("lobby", "alice", "hi", 1,
                Instant.parse("2026-11-27T12:00:00Z"), null);

        assertThat(text(codec.encode(stored.answering("s1"))))
                .isEqualTo(json("{'type':'message','room':'lobby','from':'alice','text':'hi','seq':1,'ts':'2026-11-27T12:00:00.000Z','re':'s1'}\n"));
        assertThat(text(codec.encode(stored)))
                .isEqualTo(json("{'type':'message','room':'lobby','from':'alice','text':'hi','seq':1,'ts':'2026-11-27T12:00:00.000Z'}\n"));
    }

    @Test
    void timestampsCarryExactlyMillisecondsEvenWhenTheClockHasMore() {
        Instant precise = Instant.parse("2026-11-27T12:00:00.123456789Z");

        assertThat(text(codec.encode(new ServerFrame.Whisper("a", "b", "x", precise, null))))
                .contains("\"ts\":\"2026-11-27T12:00:00.123Z\"");
        assertThat(Timestamps.now().getNano() % 1_000_000).isZero();
    }

    @Test
    void joinedOnTheWireNestsFullMessagesInItsHistory() {
        ServerFrame.Joined joined = new ServerFrame.Joined("lobby", "", List.of("alice", "bob"),
                List.of(new ServerFrame.Message("lobby", "bob", "yo", 9, NOON, null)), "1f2e", "j");

        assertThat(text(codec.encode(joined)))
                .isEqualTo(json("{'type':'joined','room':'lobby','topic':'','members':['alice','bob'],"
                        + "'history':[{'type':'message','room':'lobby','from':'bob','text':'yo','seq':9,'ts':'2026-11-27T12:00:00.123Z'}],'epoch':'1f2e','re':'j'}\n"));
    }

    @Test
    void aRenameTellsCoMembersTheOldNick() {
        assertThat(text(codec.encode(new ServerFrame.Presence("lobby", "bobby", PresenceEvent.RENAME, "bob", null))))
                .isEqualTo(json("{'type':'presence','room':'lobby','nick':'bobby','event':'rename','old':'bob'}\n"));
    }

    @Test
    void anErrorAnswersTheRequestItRefuses() {
        assertThat(text(codec.encode(new ServerFrame.Error(ErrorCode.BAD_NICK, "a nick starts with a letter or _", "7"))))
                .isEqualTo(json("{'type':'error','code':'bad-nick','message':'a nick starts with a letter or _','re':'7'}\n"));
    }

    @Test
    void theServersPingIsBare() {
        assertThat(text(codec.encode(new ServerFrame.Ping()))).isEqualTo(json("{'type':'ping'}\n"));
    }

    @Test
    void roomsCountTheirMembers() {
        assertThat(text(codec.encode(new ServerFrame.RoomList(List.of(new ServerFrame.RoomSummary("lobby", 3, "hi")), null))))
                .isEqualTo(json("{'type':'rooms','rooms':[{'room':'lobby','members':3,'topic':'hi'}]}\n"));
    }

    @Test
    void newlinesQuotesAndControlCharactersInTextAreEscapedNeverRaw() {
        String line = text(codec.encode(message(1, "a\nb\r\"c\"\\\u0001", null)));

        assertThat(line).contains("\"text\":\"a\\nb\\r\\\"c\\\"\\\\\\u0001\"");
    }

    @Test
    void nonAsciiTextTravelsAsPlainUtf8() {
        byte[] encoded = codec.encode(message(1, "小明 😀", null));

        assertThat(text(encoded)).contains("\"text\":\"小明 😀\"");
        assertThat(encoded).containsSequence((byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80);
    }

    @Test
    void aMessageOfFourThousandEmojiFitsTheDefaultFrameLimit() {
        byte[] say = codec.encode(new ClientFrame.Say("s1", "lobby", "😀".repeat(4000)));

        assertThat(say.length - 1).isLessThanOrEqualTo(16384);
    }

    @Test
    void everyErrorCodeHasItsWireNameAndOnlyTwoCloseTheConnection() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::wire)).containsExactly(
                "bad-frame", "frame-too-long", "unknown-type", "bad-request", "not-registered",
                "already-registered", "bad-nick", "nick-taken", "bad-room", "not-in-room", "no-such-nick",
                "bad-text", "rate-limited", "server-full", "unavailable", "auth-required", "auth-failed",
                "bad-password", "account-exists", "not-op", "banned", "invite-only", "moderated");
        assertThat(Arrays.stream(ErrorCode.values()).filter(ErrorCode::closesConnection))
                .containsExactlyInAnyOrder(ErrorCode.FRAME_TOO_LONG, ErrorCode.SERVER_FULL);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorCode.fromWire(code.wire())).isSameAs(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{'code':'bad-frame'}",
        "{'type':'party'}",
        "{'type':'error','code':'teapot','message':'?'}",
        "{'type':'presence','room':'r','nick':'n','event':'dance'}",
        "{'type':'message','room':'r','from':'a','text':'t','seq':1,'ts':'yesterday'}",
        "{'type':'message','room':'r','from':'a','text':'t','ts':'2026-11-27T12:00:00.000Z'}",
        "{'type':'joined','room':'r','members':'alice','history':[]}",
        "{'type':'members','room':'r','members':[1,2]}",
        "{'type':'welcome','nick':'a','protocol':'1','heartbeat':30}",
    })
    void aClientRefusesServerLinesThatAreNotFramesOfThisProtocol(String line) {
        assertThatThrownBy(() -> codec.decodeServerFrame(json(line))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aClientRefusesAServerLineThatIsNotUtf8() {
        byte[] line = Wire.splice("{'type':'bye','reason':'", Wire.bytes("C0 AF"), "'}");

        assertThatThrownBy(() -> codec.decodeServerFrame(line))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void aClientFrameEncodesWithTypeThenId() {
        assertThat(new String(codec.encode(new ClientFrame.Join("j1", "lobby", 17L)), UTF_8))
                .isEqualTo(json("{'type':'join','id':'j1','room':'lobby','since':17}\n"));
        assertThat(new String(codec.encode(new ClientFrame.Hello(null, "alice", 1, "swing/1.0")), UTF_8))
                .isEqualTo(json("{'type':'hello','nick':'alice','protocol':1,'client':'swing/1.0'}\n"));
    }
}
