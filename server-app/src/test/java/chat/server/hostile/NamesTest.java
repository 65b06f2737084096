package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 4, item 4: names that look the same are the same; names that hide or mislead are refused. */
class NamesTest {

    /** Each case its own carol: the last one may still be on her way out. */
    private static final AtomicInteger CAROLS = new AtomicInteger();
    private static TestServer server;
    private static RawClient alice;

    @BeforeAll
    static void start() {
        server = TestServer.start("chat.limits.rate = 1000", "chat.limits.burst = 1000");
        alice = RawClient.registered(server.port(), "alice");
    }

    @AfterAll
    static void stop() {
        alice.close();
        server.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "alice", "ALICE", "Alice",
            "ａｌｉｃｅ",            // fullwidth
            "\u0430lice",           // Cyrillic а
            "alic\u0435",           // Cyrillic е
            "\u0391LICE",           // Greek capital alpha
            "al\u0456ce",           // Cyrillic і
            "\u0430l\u0456c\u0435"  // three lookalikes at once
    })
    void aNickThatLooksLikeAliceIsTaken(String nick) {
        try (RawClient client = RawClient.connect(server.port())) {
            client.send(new ClientFrame.Hello("h", nick, 1, null));
            ServerFrame.Error refused = client.receiveError(ErrorCode.NICK_TAKEN);
            assertThat(refused.message()).contains("alice");
            assertThat(refused.re()).isEqualTo("h");
        }
    }

    @Test
    void compatibilityVariantsCollide() {
        try (RawClient finn = RawClient.registered(server.port(), "finn");
             RawClient ligature = RawClient.connect(server.port())) {
            ligature.send(new ClientFrame.Hello(null, "\uFB01nn", 1, null));
            ligature.receiveError(ErrorCode.NICK_TAKEN);
            finn.assertAlive("still finn");
        }
    }

    @Test
    void aRenameToALookalikeIsTakenAndAWhisperToOneReachesTheOwner() {
        try (RawClient bob = RawClient.registered(server.port(), "bob")) {
            bob.send(new ClientFrame.Nick("n", "\u0430lic\u0435"));
            bob.receiveError(ErrorCode.NICK_TAKEN);
            bob.send(new ClientFrame.Whisper("w", "ＡＬＩＣＥ", "psst"));
            assertThat(bob.receive(ServerFrame.Whisper.class).to()).isEqualTo("alice");
            ServerFrame.Whisper received = alice.receiveSkipping(ServerFrame.Whisper.class);
            assertThat(received.from()).isEqualTo("bob");
            assertThat(received.text()).isEqualTo("psst");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "al\u200Bice",          // zero-width space
            "al\u200Dice",          // zero-width joiner
            "alice\u2060",          // word joiner
            "\u202Eecila",          // right-to-left override
            "ali\u202Dce",          // left-to-right override
            "alice\uFE0F",          // variation selector
            "\u3164",               // Hangul filler, draws nothing
            "1alice",               // leading digit
            "-alice",               // leading hyphen
            "al ice",               // space
            " alice",
            "alice!",               // punctuation
            "al.ice",
            "al@ice",
            "a\u0000b",
            "abcdefghijklmnopqrstuvwxy", // 25 code points
            ""
    })
    void aNickThatHidesOrMisleadsIsBad(String nick) {
        try (RawClient client = RawClient.connect(server.port())) {
            client.send(new ClientFrame.Hello(null, nick, 1, null));
            client.receiveError(ErrorCode.BAD_NICK);
            client.hello("fine" + Math.abs(nick.hashCode()));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "lo\u200Bbby", "\u202Elobby", "lob by", "#lobby", "lobby!", "lob/by",
            "abcdefghijklmnopqrstuvwxyz0123456", // 33 code points
            ""
    })
    void aRoomNameThatHidesOrMisleadsIsBad(String room) {
        try (RawClient client = RawClient.connect(server.port())) {
            client.hello("roomer" + Math.abs(room.hashCode()));
            client.send(new ClientFrame.Join("j", room, null));
            ServerFrame.Error refused = client.receiveSkipping(ServerFrame.Error.class);
            assertThat(refused.code()).isEqualTo(ErrorCode.BAD_ROOM);
            assertThat(refused.re()).isEqualTo("j");
            client.send(new ClientFrame.Who("w", room));
            assertThat(client.receiveSkipping(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.BAD_ROOM);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"LOBBY", "ｌｏｂｂｙ", "Lobby", "l\u043Ebby"})
    void aRoomNameThatLooksLikeLobbyIsTheLobby(String room) {
        String carolNick = "carol" + CAROLS.incrementAndGet();
        try (RawClient carol = RawClient.registered(server.port(), carolNick)) {
            carol.send(new ClientFrame.Join("j", room, null));
            ServerFrame.Joined joined = carol.receiveSkipping(ServerFrame.Joined.class);
            assertThat(joined.room()).isEqualTo("lobby");
            assertThat(joined.members()).contains("alice", carolNick).doesNotHaveDuplicates();
        }
    }

    @Test
    void digitsAndScriptsThatAreNotLookalikesStayDistinct() {
        try (RawClient latin = RawClient.registered(server.port(), "xiao");
             RawClient han = RawClient.registered(server.port(), "小明");
             RawClient digits = RawClient.registered(server.port(), "x1ao")) {
            latin.send(new ClientFrame.Who("w", "lobby"));
            assertThat(latin.receiveSkipping(ServerFrame.Members.class).members()).contains("xiao", "小明", "x1ao");
            han.assertAlive("han");
            digits.assertAlive("digits");
        }
    }
}
