package chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
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

    private TestServer server;
    private final List<RawClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestServer.start("chat.limits.rate = 1000", "chat.limits.burst = 1000");
    }

    @AfterEach
    void stopServer() {
        clients.forEach(RawClient::close);
        server.close();
    }

    private RawClient registered(String nick) {
        RawClient client = RawClient.registered(server.port(), nick);
        clients.add(client);
        return client;
    }

    @Test
    void threePeopleTalkingAtOnceAllSeeTheSameConversation() throws Exception {
        RawClient alice = registered("alice");
        RawClient bob = registered("bob");
        RawClient carol = registered("carol");
        alice.receive(ServerFrame.Presence.class);
        alice.receive(ServerFrame.Presence.class);
        bob.receive(ServerFrame.Presence.class);

        List<RawClient> everyone = List.of(alice, bob, carol);
        ExecutorService typing = Executors.newFixedThreadPool(3);
        for (RawClient person : everyone) {
            typing.submit(() -> {
                for (int i = 1; i <= 5; i++) {
                    person.send(new ClientFrame.Say("m" + i, "lobby", "line " + i));
                }
            });
        }
        typing.shutdown();
        assertThat(typing.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<List<String>> seen = new ArrayList<>();
        for (RawClient person : everyone) {
            List<String> transcript = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                ServerFrame.Message message = person.receiveSkipping(ServerFrame.Message.class);
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
        RawClient xiaoming = registered("小明");
        RawClient xiaohong = registered("小红");
        xiaoming.receive(ServerFrame.Presence.class);

        xiaoming.send(new ClientFrame.Join("j", "大厅", null));
        assertThat(xiaoming.receive(ServerFrame.Joined.class).room()).isEqualTo("大厅");
        xiaohong.send(new ClientFrame.Join("j", "大厅", null));
        assertThat(xiaohong.receive(ServerFrame.Joined.class).members()).containsExactly("小明", "小红");

        xiaoming.send(new ClientFrame.Say("s", "大厅", "你好，世界 🌏 こんにちは"));
        ServerFrame.Message heard = xiaohong.receiveSkipping(ServerFrame.Message.class);
        assertThat(heard.from()).isEqualTo("小明");
        assertThat(heard.room()).isEqualTo("大厅");
        assertThat(heard.text()).isEqualTo("你好，世界 🌏 こんにちは");
    }

    @Test
    void aFrameArrivingOneByteAtATimeEvenMidCharacterIsOneFrame() throws Exception {
        RawClient listener = registered("listener");
        RawClient typist = RawClient.connect(server.port());
        clients.add(typist);

        for (String line : List.of("{\"type\":\"hello\",\"nick\":\"慢慢\"}\n",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"一字一字 ✓\"}\r\n")) {
            for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
                typist.sendBytes(new byte[] {b});
                Thread.sleep(1);
            }
        }

        assertThat(typist.receive(ServerFrame.Welcome.class).nick()).isEqualTo("慢慢");
        ServerFrame.Message heard = listener.receiveSkipping(ServerFrame.Message.class);
        assertThat(heard.text()).isEqualTo("一字一字 ✓");
    }

    @Test
    void twoHundredPeopleInOneRoomSeeEveryMessageInTheSameSeqOrder() throws Exception {
        int people = 200;
        int talkers = 10;
        int linesEach = 5;
        List<RawClient> room = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            room.add(registered("p" + i));
        }

        ExecutorService typing = Executors.newFixedThreadPool(talkers);
        for (int t = 0; t < talkers; t++) {
            RawClient talker = room.get(t * (people / talkers));
            typing.submit(() -> {
                for (int i = 0; i < linesEach; i++) {
                    talker.send(new ClientFrame.Say(null, "lobby", "hello " + i));
                }
            });
        }
        typing.shutdown();
        assertThat(typing.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<String> reference = null;
        for (RawClient person : room) {
            List<String> transcript = new ArrayList<>();
            for (int i = 0; i < talkers * linesEach; i++) {
                ServerFrame.Message message = person.receiveSkipping(ServerFrame.Message.class);
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
        RawClient alice = registered("alice");
        RawClient bob = registered("bob");
        alice.receive(ServerFrame.Presence.class);

        alice.close();
        ServerFrame.Presence quit = bob.receive(ServerFrame.Presence.class);
        assertThat(quit.nick()).isEqualTo("alice");
        assertThat(quit.event()).isEqualTo(PresenceEvent.QUIT);
        assertThat(quit.reason()).isNotBlank();

        RawClient aliceAgain = registered("Alice");
        assertThat(bob.receive(ServerFrame.Presence.class).nick()).isEqualTo("Alice");
        aliceAgain.send(new ClientFrame.Who("w", "lobby"));
        assertThat(aliceAgain.receive(ServerFrame.Members.class).members()).containsExactlyInAnyOrder("bob", "Alice");
    }

    /** Until the server has accepted them: a connection still in the kernel's backlog has no session to say bye. */
    private void awaitSessions(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + RawClient.PATIENCE.toNanos();
        while (server.stats().sessions() != expected) {
            assertThat(System.nanoTime()).as("sessions never reached " + expected).isLessThan(deadline);
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Test
    void shuttingDownSaysByeToEverySessionBeforeClosing() throws InterruptedException {
        List<RawClient> people = List.of(registered("a1"), registered("a2"), registered("a3"));
        RawClient unregistered = RawClient.connect(server.port());
        clients.add(unregistered);
        awaitSessions(4);

        server.close();

        for (RawClient person : people) {
            List<ServerFrame> last = person.readUntilClosed();
            assertThat(last).last().isEqualTo(new ServerFrame.Bye("server shutting down", null));
        }
        assertThat(unregistered.readUntilClosed())
                .containsExactly(new ServerFrame.Bye("server shutting down", null));
        server = TestServer.start();
    }
}
