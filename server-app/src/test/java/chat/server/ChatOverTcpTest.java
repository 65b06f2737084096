package chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People chatting through a real server over raw TCP, as nc or a bot would. */
class ChatOverTcpTest {

    private static final int POLL_MILLIS = 20;

    private ChatServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestServers.start("chat.limits.rate = 1000\nchat.limits.burst = 1000");
    }

    @AfterEach
    void stopServer() {
        clients.forEach(TestClient::close);
        server.close();
    }

    private TestClient registered(String nick) {
        TestClient client = TestClient.registered(server.port(), nick);
        clients.add(client);
        return client;
    }

    @Test
    void threePeopleTalkingAtOnceAllSeeTheSameConversation() throws Exception {
        TestClient alice = registered("alice");
        TestClient bob = registered("bob");
        TestClient carol = registered("carol");
        alice.skipTo(ServerFrame.Presence.class);
        alice.skipTo(ServerFrame.Presence.class);
        bob.skipTo(ServerFrame.Presence.class);

        List<TestClient> everyone = List.of(alice, bob, carol);
        ExecutorService typing = Executors.newFixedThreadPool(3);
        for (TestClient person : everyone) {
            typing.submit(() -> {
                for (int i = 1; i <= 5; i++) {
                    person.send(new ClientFrame.Say("m" + i, "lobby", "line " + i));
                }
            });
        }
        typing.shutdown();
        assertThat(typing.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<List<String>> seen = new ArrayList<>();
        for (TestClient person : everyone) {
            List<String> transcript = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                ServerFrame.Message message = person.skipTo(ServerFrame.Message.class);
                transcript.add(message.seq() + " " + message.from() + ": " + message.text());
            }
            seen.add(transcript);
        }
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(seen.get(2)).isEqualTo(seen.get(0));
        assertThat(seen.get(0)).first().asString().startsWith("1 ");
        assertThat(seen.get(0)).last().asString().startsWith("15 ");
    }

    @Test
    void chineseNamesRoomsAndTextTravelIntact() {
        TestClient xiaoming = registered("小明");
        TestClient xiaohong = registered("小红");
        xiaoming.skipTo(ServerFrame.Presence.class);

        xiaoming.send(new ClientFrame.Join("j", "大厅", null));
        assertThat(xiaoming.expect(ServerFrame.Joined.class).room()).isEqualTo("大厅");
        xiaohong.send(new ClientFrame.Join("j", "大厅", null));
        assertThat(xiaohong.expect(ServerFrame.Joined.class).members()).containsExactly("小明", "小红");

        xiaoming.send(new ClientFrame.Say("s", "大厅", "你好，世界 🌏 こんにちは"));
        ServerFrame.Message heard = xiaohong.skipTo(ServerFrame.Message.class);
        assertThat(heard.from()).isEqualTo("小明");
        assertThat(heard.room()).isEqualTo("大厅");
        assertThat(heard.text()).isEqualTo("你好，世界 🌏 こんにちは");
    }

    @Test
    void aFrameArrivingOneByteAtATimeEvenMidCharacterIsOneFrame() throws Exception {
        TestClient listener = registered("listener");
        TestClient typist = TestClient.connect(server.port());
        clients.add(typist);

        for (String line : List.of("{\"type\":\"hello\",\"nick\":\"慢慢\"}\n",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"一字一字 ✓\"}\r\n")) {
            for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
                typist.sendBytes(new byte[] {b});
                Thread.sleep(1);
            }
        }

        assertThat(typist.expect(ServerFrame.Welcome.class).nick()).isEqualTo("慢慢");
        ServerFrame.Message heard = listener.skipTo(ServerFrame.Message.class);
        assertThat(heard.text()).isEqualTo("一字一字 ✓");
    }

    @Test
    void twoHundredPeopleInOneRoomSeeEveryMessageInTheSameSeqOrder() throws Exception {
        int people = 200;
        int talkers = 10;
        int linesEach = 5;
        List<TestClient> room = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            room.add(registered("p" + i));
        }

        ExecutorService typing = Executors.newFixedThreadPool(talkers);
        for (int t = 0; t < talkers; t++) {
            TestClient talker = room.get(t * (people / talkers));
            typing.submit(() -> {
                for (int i = 0; i < linesEach; i++) {
                    talker.send(new ClientFrame.Say(null, "lobby", "hello " + i));
                }
            });
        }
        typing.shutdown();
        assertThat(typing.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<String> reference = null;
        for (TestClient person : room) {
            List<String> transcript = new ArrayList<>();
            for (int i = 0; i < talkers * linesEach; i++) {
                ServerFrame.Message message = person.skipTo(ServerFrame.Message.class);
                assertThat(message.seq()).isEqualTo(i + 1);
                transcript.add(message.from() + ":" + message.text());
            }
            if (reference == null) {
                reference = transcript;
            }
            assertThat(transcript).isEqualTo(reference);
        }
    }

    @Test
    void aDroppedClientsNickIsFreeAgainAtOnce() {
        TestClient alice = registered("alice");
        TestClient bob = registered("bob");
        alice.skipTo(ServerFrame.Presence.class);

        alice.drop();
        ServerFrame.Presence quit = bob.skipTo(ServerFrame.Presence.class);
        assertThat(quit.nick()).isEqualTo("alice");
        assertThat(quit.event()).isEqualTo(PresenceEvent.QUIT);
        assertThat(quit.reason()).isNotBlank();

        TestClient aliceAgain = registered("Alice");
        assertThat(bob.skipTo(ServerFrame.Presence.class).nick()).isEqualTo("Alice");
        aliceAgain.send(new ClientFrame.Who("w", "lobby"));
        assertThat(aliceAgain.expect(ServerFrame.Members.class).members()).containsExactlyInAnyOrder("bob", "Alice");
    }

    /** Until the server has accepted them: a connection still in the kernel's backlog has no session to say bye. */
    private void awaitSessions(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TestClient.WAIT.toNanos();
        while (server.stats().sessions() != expected) {
            assertThat(System.nanoTime()).as("sessions never reached " + expected).isLessThan(deadline);
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Test
    void shuttingDownSaysByeToEverySessionBeforeClosing() throws InterruptedException {
        List<TestClient> people = List.of(registered("a1"), registered("a2"), registered("a3"));
        TestClient unregistered = TestClient.connect(server.port());
        clients.add(unregistered);
        awaitSessions(4);

        server.close();

        for (TestClient person : people) {
            List<ServerFrame> last = person.untilClosed(Duration.ofSeconds(10));
            assertThat(last).last().isEqualTo(new ServerFrame.Bye("server shutting down", null));
        }
        assertThat(unregistered.untilClosed(Duration.ofSeconds(10)))
                .containsExactly(new ServerFrame.Bye("server shutting down", null));
        server = TestServers.start("");
    }
}
