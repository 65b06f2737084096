package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.Decoded;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.BeforeEach;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session whose registry and rooms are played by probes, so the test decides when, and
 * whether, an answer comes: a request nobody answers, and answers that arrive after the session
 * began to close.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class SessionAnswersTest {

    private static final FrameCodec CODEC = new FrameCodec();

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create();

    private TestProbe<RoomActor.Command> garden;
    private TestProbe<RegistryActor.Command> registry;
    private ActorRef<SessionActor.Command> session;
    private TestProbe<ServerFrame> frames;
    private TestProbe<SessionActor.Ack> acks;
    private TestProbe<ConnectionEnd> ends;

    @BeforeEach
    void connect() {
        registry = testKit.createTestProbe();
        garden = testKit.createTestProbe();
        frames = testKit.createTestProbe();
        acks = testKit.createTestProbe();
        ChatSettings settings = TestSettings.with(
                "chat.limits.answer-timeout = 300ms\nchat.limits.linger = 500ms\nchat.default-room = \"\"");
        session = testKit.spawn(SessionActor.create(settings, registry.ref(), key -> garden.ref(), "127.0.0.1:1"));
        ends = testKit.createTestProbe();
        session.tell(new SessionActor.Connected(OutletStandIn.reading(session, TestSettings.with("").limits(), frames.ref()::tell, ends.ref()::tell), acks.ref()));
        acks.receiveMessage();
    }

    private void send(String json) {
        Decoded decoded = CODEC.decodeRequest(json);
        session.tell(new SessionActor.Received(decoded, acks.ref()));
    }

    private RegistryActor.ClaimNick helloAsAlice() {
        send("{\"type\":\"hello\",\"nick\":\"alice\",\"id\":\"h\"}");
        RegistryActor.LogIn login = registry.expectMessageClass(RegistryActor.LogIn.class);
        login.session().tell(new SessionActor.LoginChecked(null, "alice", login.re()));
        return registry.expectMessageClass(RegistryActor.ClaimNick.class);
    }

    private void registeredAsAlice() {
        RegistryActor.ClaimNick claim = helloAsAlice();
        claim.session().tell(new SessionActor.NickClaimed("alice", "alice", claim.re()));
        assertThat(frames.receiveMessage()).isInstanceOf(ServerFrame.Welcome.class);
        acks.receiveMessage();
    }

    /** The bye was sent and the close asked for; a client that never hangs up is reset once the linger is over. */
    private void assertLingersThenResets() {
        assertThat(ends.receiveMessage()).isInstanceOf(ConnectionEnd.Closed.class);
        ends.expectNoMessage(Duration.ofMillis(100));
        assertThat(ends.receiveMessage(Duration.ofSeconds(3))).isInstanceOf(ConnectionEnd.Aborted.class);
    }

    @Test
    void aRequestNobodyAnswersEndsTheSessionWithAServerErrorAndLinesAfterItAreTaken() {
        helloAsAlice();
        acks.expectNoMessage(Duration.ofMillis(100));

        assertThat(frames.receiveMessage(Duration.ofSeconds(3))).isEqualTo(
                new ServerFrame.Bye("server error: your request got no answer within 300 ms; please reconnect", null));
        acks.receiveMessage();
        send("{\"type\":\"ping\",\"id\":\"after\"}");
        acks.receiveMessage();
        frames.expectNoMessage(Duration.ofMillis(300));
    }

    @Test
    void aNickClaimedForASessionThatIsAlreadyLeavingIsGivenBack() {
        RegistryActor.ClaimNick claim = helloAsAlice();
        session.tell(new SessionActor.ServerShutdown());
        assertThat(frames.receiveMessage()).isEqualTo(new ServerFrame.Bye("server shutting down", null));
        acks.receiveMessage();

        claim.session().tell(new SessionActor.NickClaimed("alice", "alice", claim.re()));

        assertThat(registry.fishForMessage(Duration.ofSeconds(3), command -> command instanceof RegistryActor.ReleaseNick
                ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore()))
                .last().isEqualTo(new RegistryActor.ReleaseNick("alice", claim.session()));
        frames.expectNoMessage(Duration.ofMillis(200));
        assertLingersThenResets();
    }

    @Test
    void aRoomThatAnswersAJoinAfterTheShutdownBeganHearsTheSessionQuitForTheShutdown() {
        registeredAsAlice();
        send("{\"type\":\"join\",\"room\":\"garden\",\"id\":\"j\"}");
        RegistryActor.JoinRoom join = registry.expectMessageClass(RegistryActor.JoinRoom.class);
        session.tell(new SessionActor.ServerShutdown());
        assertThat(frames.receiveMessage()).isEqualTo(new ServerFrame.Bye("server shutting down", null));
        acks.receiveMessage();

        ServerFrame.Joined joined = new ServerFrame.Joined("garden", "", List.of("alice"), List.of(), "e1", "j");
        // The room writes its snapshot to the connection, which took its last frame already: nothing follows the bye.
        join.outlet().offer(ByteString.fromArrayUnsafe(join.outlet().encoder().encode(joined)), 1);
        join.session().tell(new SessionActor.RoomJoined("garden"));

        assertThat(garden.expectMessageClass(RoomActor.Quit.class))
                .isEqualTo(new RoomActor.Quit(join.session(), "server shutting down"));
        frames.expectNoMessage(Duration.ofMillis(200));
        assertLingersThenResets();
    }
}
