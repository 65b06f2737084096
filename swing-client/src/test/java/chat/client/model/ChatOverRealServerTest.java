package chat.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.Endpoint;
import chat.client.testing.LiveServer;
import chat.client.testing.TestUser;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headless client against the real server in this JVM. Each test uses its own nicks and
 * rooms, so they share one server. A joined room shows 5 messages, so gaps are easy to make.
 */
class ChatOverRealServerTest {

    private static LiveServer server;

    @BeforeAll
    static void startServer() {
        server = LiveServer.start("chat.history.on-join = 5");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void twoPeopleChatInChineseJapaneseAndEmoji() {
        try (TestUser alice = TestUser.online("alice", server.endpoint());
             TestUser bob = TestUser.online("小明", server.endpoint())) {
            alice.joins("茶室");
            bob.joins("茶室");

            alice.says("茶室", "你好，小明！こんにちは 🍵");

            bob.await("alice's greeting", u -> u.messages("茶室").contains("你好，小明！こんにちは 🍵"));
            TranscriptEntry seen = bob.firstMessage("茶室");
            assertThat(seen.nick()).isEqualTo("alice");
            assertThat(seen.own()).isFalse();
            assertThat(seen.mentionsMe()).isTrue();
            assertThat(bob.members("茶室")).containsExactlyInAnyOrder("alice", "小明");
        }
    }

    @Test
    void reconnectingRejoinsFromTheLastSeqWithNoGapAndNoDuplicate() {
        try (TestUser carol = TestUser.online("carol", server.endpoint());
             TestUser dave = TestUser.online("dave", server.endpoint())) {
            carol.joins("ops");
            dave.joins("ops");
            carol.says("ops", "before 1");
            carol.says("ops", "before 2");
            dave.await("both early messages", u -> u.messages("ops").size() == 2);

            dave.network().cut();
            dave.await("the connection to be lost", u -> u.status().state() == ConnectionStatus.State.RECONNECTING);
            carol.await("dave to be gone", u -> !u.members("ops").contains("dave"));
            List<String> missed = IntStream.rangeClosed(1, 8).mapToObj(i -> "while away " + i).toList();
            missed.forEach(text -> carol.says("ops", text));
            dave.network().restore();

            dave.await("everything carol said", u -> u.messages("ops").contains("while away 8"));
            carol.says("ops", "after");
            dave.await("the message after the reconnect", u -> u.messages("ops").contains("after"));

            assertThat(dave.messages("ops")).containsExactly("before 1", "before 2", "while away 1", "while away 2",
                    "while away 3", "while away 4", "while away 5", "while away 6", "while away 7", "while away 8", "after");
            assertThat(dave.seqs("ops")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
            assertThat(dave.status().online()).isTrue();
            assertThat(dave.lines("ops"))
                    .anyMatch(line -> line.startsWith("Connection lost"))
                    .contains("Reconnected to " + server.endpoint());
        }
    }

    @Test
    void aServerWhoseHistoryStartedOverShowsTheNewLinesBelowTheOldOnesInsteadOfSwallowingThem() {
        LiveServer before = LiveServer.start("");
        try (TestUser erin = TestUser.online("erin", before.endpoint())) {
            erin.joins("diary");
            List<String> earlier = IntStream.rangeClosed(1, 5).mapToObj(i -> "before the reset " + i).toList();
            earlier.forEach(text -> erin.says("diary", text));
            erin.await("her five lines", u -> u.messages("diary").size() == 5);

            erin.network().cut();
            before.close();
            try (LiveServer wiped = LiveServer.start("");
                 TestUser frank = TestUser.online("frank", wiped.endpoint())) {
                erin.network().moveServerTo(wiped.endpoint());
                erin.network().restore();
                erin.await("the reconnect", u -> u.lines("diary").contains("Reconnected to " + before.endpoint()) && u.status().online());
                frank.joins("diary");
                erin.await("frank in the room", u -> u.members("diary").contains("frank"));
                List<String> later = IntStream.rangeClosed(1, 3).mapToObj(i -> "after the reset " + i).toList();
                later.forEach(text -> frank.says("diary", text));

                erin.await("frank's three lines", u -> u.messages("diary").contains("after the reset 3"));
                assertThat(erin.messages("diary")).containsExactly("before the reset 1", "before the reset 2",
                        "before the reset 3", "before the reset 4", "before the reset 5",
                        "after the reset 1", "after the reset 2", "after the reset 3");
                assertThat(erin.lines("diary")).anyMatch(line -> line.startsWith("The history of diary was reset on the server"));
            }
        }
    }

    @Test
    void aServerShuttingDownSaysGoodbyeAndTheClientKeepsTrying() {
        LiveServer doomed = LiveServer.start("");
        try (TestUser olga = TestUser.online("olga", doomed.endpoint())) {
            // Until the lobby is there, what the client has to say lands in its server conversation.
            olga.await("the lobby", u -> u.read(m -> m.room("lobby").isPresent()));
            doomed.close();

            olga.await("the server's goodbye", u -> u.lines("lobby").contains("Connection lost: the server said goodbye: server shutting down"));
            olga.await("a retry", u -> u.status().state() == ConnectionStatus.State.RECONNECTING);
        }
    }

    @Test
    void anIdleClientAnswersTheHeartbeatAndStaysConnected() {
        try (LiveServer eager = LiveServer.start("chat.heartbeat = 1s");
             TestUser paul = TestUser.online("paul", eager.endpoint())) {
            // The server pings after a heartbeat of silence and cuts a client that leaves a ping a
            // heartbeat unanswered: a third ping comes only if the first two were answered in time.
            paul.await("three pings answered", u -> u.network().pongsSent() >= 3);

            assertThat(paul.status().online()).isTrue();
            assertThat(paul.lines("lobby")).noneMatch(line -> line.startsWith("Connection lost"));
            assertThat(paul.errors("lobby")).isEmpty();
        }
    }

    @Test
    void whispersOpenAConversationOnBothSides() {
        try (TestUser erin = TestUser.online("erin", server.endpoint());
             TestUser frank = TestUser.online("frank", server.endpoint())) {
            erin.types("/msg frank are you free?");

            frank.awaitConversation("erin's whisper", Conversation.whisperKey("erin"),
                    c -> TestUser.messageTexts(c).contains("are you free?"));
            frank.selects(Conversation.whisperKey("erin"));
            frank.types("yes, coming");

            erin.awaitConversation("frank's answer in the same conversation", Conversation.whisperKey("frank"),
                    c -> TestUser.messageTexts(c).equals(List.of("are you free?", "yes, coming")));
            assertThat(erin.selectedName()).isEqualTo("frank");
        }
    }

    @Test
    void aRenameUpdatesMembersTheWhisperConversationAndTheOwnNick() {
        try (TestUser gina = TestUser.online("gina", server.endpoint());
             TestUser hank = TestUser.online("hank", server.endpoint())) {
            gina.joins("renames");
            hank.joins("renames");
            hank.types("/msg gina psst");
            gina.awaitConversation("hank's whisper", Conversation.whisperKey("hank"), c -> !c.transcript().isEmpty());

            hank.types("/nick Henry");

            hank.await("the new own nick", u -> u.nick().equals("Henry"));
            gina.awaitConversation("the new member name", Conversation.roomKey("renames"), c -> c.members().contains("Henry"));
            assertThat(gina.members("renames")).containsExactlyInAnyOrder("gina", "Henry");
            assertThat(gina.conversationName(Conversation.whisperKey("henry"))).hasValue("Henry");
            assertThat(hank.members("renames")).containsExactlyInAnyOrder("gina", "Henry");
        }
    }

    @Test
    void scrollingBackFetchesOlderPagesUntilTheFirstMessage() {
        try (TestUser ivy = TestUser.online("ivy", server.endpoint());
             TestUser jack = TestUser.online("jack", server.endpoint())) {
            ivy.joins("archive");
            IntStream.rangeClosed(1, 12).forEach(i -> ivy.says("archive", "p" + i));

            jack.joins("archive");
            assertThat(jack.messages("archive")).containsExactly("p8", "p9", "p10", "p11", "p12");

            jack.scrollsBack("archive");

            jack.await("the older page", u -> u.messages("archive").size() == 12);
            assertThat(jack.messages("archive")).startsWith("p1", "p2", "p3").endsWith("p12");
            assertThat(jack.olderAvailable("archive")).isFalse();
        }
    }

    @Test
    void loginProblemsAreToldInPlainWords() throws Exception {
        try (TestUser kim = TestUser.online("kim", server.endpoint())) {
            try (TestUser impostor = TestUser.tryingToLogIn("KIM", server.endpoint())) {
                impostor.await("a refusal", u -> !u.events().isEmpty());
                assertThat(impostor.events()).containsExactly("login failed: The nick \u201cKIM\u201d is taken. Please choose another one.");
            }
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestUser nobody = TestUser.tryingToLogIn("lee", new Endpoint("127.0.0.1", closedPort))) {
            nobody.await("a refusal", u -> !u.events().isEmpty());
            assertThat(nobody.events()).startsWith("login failed: Nobody is listening at 127.0.0.1:" + closedPort + " (connection refused).");
        }
    }

    @Test
    void refusedRequestsAreExplainedWhereTheUserIsLooking() {
        try (TestUser quinn = TestUser.online("quinn", server.endpoint())) {
            quinn.await("the lobby", u -> u.read(m -> m.room("lobby").isPresent()));
            quinn.types("/msg nobody-here hello?");
            quinn.types("/leave nowhere");

            quinn.await("two explanations", u -> u.errors("lobby").size() == 2);
            assertThat(quinn.errors("lobby").get(0)).contains("nobody-here");
            assertThat(quinn.errors("lobby").get(1)).contains("nowhere");
            assertThat(quinn.status().online()).isTrue();
        }
    }

    @Test
    void quittingSaysByeAndTheOthersSeeItGo() {
        try (TestUser mia = TestUser.online("mia", server.endpoint());
             TestUser ned = TestUser.online("ned", server.endpoint())) {
            mia.joins("farewell");
            ned.joins("farewell");
            mia.awaitConversation("ned to arrive", Conversation.roomKey("farewell"), c -> c.members().contains("ned"));

            ned.quits();

            ned.await("the end of the session", u -> u.events().contains("ended"));
            mia.awaitConversation("ned's goodbye", Conversation.roomKey("farewell"),
                    c -> TestUser.lines(c).contains("ned quit (client quit)"));
        }
    }
}
