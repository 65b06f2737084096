package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class SessionActorTest {

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create();

    /** The limits of the registry this test started last, which its connections hold to. */
    private ChatSettings.Limits limits = TestSettings.with("").limits();

    private ActorRef<RegistryActor.Command> registry(String settings) {
        ChatSettings chat = TestSettings.with(settings);
        limits = chat.limits();
        return testKit.spawn(RegistryActor.create(chat));
    }

    /** Someone whose client stops reading at once: what the server writes waits, within the registry's limits. */
    private Person notReading(ActorRef<RegistryActor.Command> registry) {
        return Person.connected(testKit, registry, Person.OutletKind.STOPPED_READING, limits);
    }

    private Person registered(ActorRef<RegistryActor.Command> registry, String nick) {
        return Person.registered(testKit, registry, nick);
    }

    @Test
    void helloIsWelcomedAndLandsInTheLobby() {
        Person alice = Person.connected(testKit, registry(""));
        alice.says("{\"type\":\"hello\",\"nick\":\"alice\",\"protocol\":1,\"id\":\"h\"}");

        ServerFrame.Welcome welcome = alice.gets(ServerFrame.Welcome.class);
        assertThat(welcome.nick()).isEqualTo("alice");
        assertThat(welcome.protocol()).isEqualTo(1);
        assertThat(welcome.heartbeat()).isEqualTo(30);
        assertThat(welcome.re()).isEqualTo("h");
        ServerFrame.Joined lobby = alice.gets(ServerFrame.Joined.class);
        assertThat(lobby.room()).isEqualTo("lobby");
        assertThat(lobby.members()).containsExactly("alice");
    }

    @Test
    void beforeHelloOnlyHelloCountsAndAfterItHelloIsRefused() {
        Person stranger = Person.connected(testKit, registry(""));
        stranger.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\",\"id\":\"1\"}");
        stranger.getsError(ErrorCode.NOT_REGISTERED, "1");
        stranger.says("{\"type\":\"hello\",\"nick\":\"9lives\",\"id\":\"2\"}");
        stranger.getsError(ErrorCode.BAD_NICK, "2");
        stranger.says("{\"type\":\"hello\",\"nick\":\"cat\",\"protocol\":2,\"id\":\"3\"}");
        stranger.getsError(ErrorCode.BAD_REQUEST, "3");
        stranger.says("{\"type\":\"hello\",\"nick\":\"cat\"}");
        stranger.gets(ServerFrame.Welcome.class);
        stranger.gets(ServerFrame.Joined.class);
        stranger.says("{\"type\":\"hello\",\"nick\":\"cat\",\"id\":\"4\"}");
        stranger.getsError(ErrorCode.ALREADY_REGISTERED, "4");
        stranger.says("{\"type\":\"ping\",\"id\":\"5\"}");
        assertThat(stranger.gets(ServerFrame.Pong.class).re()).isEqualTo("5");
    }

    @Test
    void sayingThingsWrongEarnsTheMatchingErrorAndTheSessionGoesOn() {
        Person alice = registered(registry(""), "alice");
        alice.says("{\"type\":\"say\",\"room\":\"kitchen\",\"text\":\"hi\",\"id\":\"1\"}");
        alice.getsError(ErrorCode.NOT_IN_ROOM, "1");
        alice.says("{\"type\":\"say\",\"room\":\"no spaces\",\"text\":\"hi\",\"id\":\"2\"}");
        alice.getsError(ErrorCode.BAD_ROOM, "2");
        alice.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"\",\"id\":\"3\"}");
        alice.getsError(ErrorCode.BAD_TEXT, "3");
        alice.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"bell\\u0007\",\"id\":\"4\"}");
        alice.getsError(ErrorCode.BAD_TEXT, "4");
        alice.says("{\"type\":\"dance\",\"id\":\"5\"}");
        alice.getsError(ErrorCode.UNKNOWN_TYPE, "5");
        alice.says("{\"type\":\"ping\",\"id\":\"6\"}");
        assertThat(alice.gets(ServerFrame.Pong.class).re()).isEqualTo("6");
    }

    @Test
    void byeIsAnsweredWithByeAndTheConnectionCloses() {
        Person alice = registered(registry(""), "alice");
        alice.says("{\"type\":\"bye\",\"id\":\"b\"}");
        assertThat(alice.gets(ServerFrame.Bye.class)).isEqualTo(new ServerFrame.Bye("client quit", "b"));
        assertThat(alice.ends.receiveMessage()).isInstanceOf(ConnectionEnd.Closed.class);
    }

    @Test
    void aSilentPeerIsPingedThenCutAndItsRoomSeesItQuit() {
        ActorRef<RegistryActor.Command> registry = registry("chat.heartbeat = 1s");
        Person quiet = registered(registry, "quiet");
        Person watcher = registered(registry, "watcher");
        quiet.frames.receiveMessage();

        assertThat(quiet.frames.receiveMessage(Duration.ofSeconds(3))).isEqualTo(new ServerFrame.Ping());
        watcher.says("{\"type\":\"pong\"}");
        assertThat(quiet.frames.receiveMessage(Duration.ofSeconds(3))).isEqualTo(new ServerFrame.Bye("ping timeout", null));
        ServerFrame.Presence quit = watcher.skipTo(ServerFrame.Presence.class);
        assertThat(quit.nick()).isEqualTo("quiet");
        assertThat(quit.reason()).isEqualTo("ping timeout");
    }

    @Test
    void noHelloWithinTheRegistrationTimeoutMeansBye() {
        Person lurker = Person.connected(testKit, registry("chat.limits.register-timeout = 300ms"));
        ServerFrame.Bye bye = lurker.gets(ServerFrame.Bye.class);
        assertThat(bye.reason()).startsWith("registration timeout");
        assertThat(lurker.ends.receiveMessage()).isInstanceOf(ConnectionEnd.Closed.class);
    }

    /**
     * Alice renamed herself to bob while her old nick's record was moving: where "alice" is kept
     * now reaches her too late, and she lets it go.
     */
    @Test
    void whereAnOldNickIsKeptReachesTheSessionAfterARenameAndTheOldNickIsLetGo() {
        Person alice = registered(registry(""), "alice");
        alice.says("{\"type\":\"nick\",\"nick\":\"bob\",\"id\":\"n\"}");
        assertThat(alice.gets(ServerFrame.NickChanged.class).nick()).isEqualTo("bob");
        TestProbe<NickActor.Command> keeperOfAlice = testKit.createTestProbe();

        alice.session.tell(new SessionActor.NickKept("alice", "alice", keeperOfAlice.ref()));

        assertThat(keeperOfAlice.expectMessageClass(NickActor.Release.class).session()).isEqualTo(alice.session);
    }

    /** The registry takes the claim and never answers: the nick's node died with it, before the cluster knew. */
    @Test
    void aHelloWhoseNickIsNeverConfirmedIsToldSoNotThatNoHelloCame() {
        ChatSettings settings = TestSettings.with("chat.limits.register-timeout = 300ms");
        TestProbe<RegistryActor.Command> registryLosingClaims = testKit.createTestProbe();
        Person alice = Person.connectedTo(testKit, testKit.spawn(
                SessionActor.create(settings, registryLosingClaims.ref(), key -> null, "127.0.0.1:1")), settings.limits());

        alice.sendsWithoutWaiting("{\"type\":\"hello\",\"nick\":\"alice\"}");

        RegistryActor.LogIn login = registryLosingClaims.expectMessageClass(RegistryActor.LogIn.class);
        login.session().tell(new SessionActor.LoginChecked(null, "alice", login.re()));
        registryLosingClaims.expectMessageClass(RegistryActor.ClaimNick.class);
        assertThat(alice.gets(ServerFrame.Bye.class).reason()).isEqualTo("registration timeout: your nick was not"
                + " confirmed within 300 ms (a server of the cluster may have gone down); connect again");
        assertThat(alice.ends.receiveMessage()).isInstanceOf(ConnectionEnd.Closed.class);
    }

    @Test
    void framesBeyondTheRateAreDroppedWithRateLimitedAndAbuseIsCut() {
        Person flooder = registered(registry(
                "chat.limits.rate = 1\nchat.limits.burst = 2\nchat.limits.rate-abuse-tolerance = 3"), "flooder");
        flooder.says("{\"type\":\"ping\",\"id\":\"1\"}");
        flooder.gets(ServerFrame.Pong.class);
        flooder.says("{\"type\":\"ping\",\"id\":\"2\"}");
        flooder.getsError(ErrorCode.RATE_LIMITED, "2");
        flooder.says("{\"type\":\"ping\",\"id\":\"3\"}");
        flooder.getsError(ErrorCode.RATE_LIMITED, "3");
        flooder.says("{\"type\":\"ping\",\"id\":\"4\"}");
        flooder.getsError(ErrorCode.RATE_LIMITED, "4");
        flooder.sendsWithoutWaiting("{\"type\":\"ping\",\"id\":\"5\"}");
        assertThat(flooder.gets(ServerFrame.Bye.class).reason()).isEqualTo("rate limit exceeded");
        assertThat(flooder.ends.receiveMessage()).isInstanceOf(ConnectionEnd.Closed.class);
    }

    @Test
    void aFrameOverTheLimitIsReportedAndTheConnectionCloses() {
        Person alice = registered(registry(""), "alice");
        alice.sendsWithoutWaiting("{}");
        alice.session.tell(new SessionActor.Received(new Decoded.Rejected(ErrorCode.FRAME_TOO_LONG, "too long", null),
                alice.acks.ref()));
        alice.getsError(ErrorCode.BAD_FRAME, null);
        alice.getsError(ErrorCode.FRAME_TOO_LONG, null);
        assertThat(alice.ends.receiveMessage()).isInstanceOf(ConnectionEnd.Closed.class);
    }

    @Test
    void aReaderThatStopsReadingIsCutWhileTheRoomCarriesOn() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-outbound = 50\nchat.limits.linger = 300ms\n"
                + "chat.limits.rate = 1000\nchat.limits.burst = 1000");
        Person talker = registered(registry, "talker");
        Person stuck = notReading(registry);
        stuck.says("{\"type\":\"hello\",\"nick\":\"stuck\"}");
        talker.gets(ServerFrame.Presence.class);

        int said = 80;
        for (int i = 0; i < said; i++) {
            talker.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"m" + i + "\"}");
        }

        assertThat(stuck.ends.receiveMessage(Duration.ofSeconds(3))).isInstanceOf(ConnectionEnd.Aborted.class);
        java.util.List<ServerFrame> heard = talker.frames.receiveSeveralMessages(said + 1);
        assertThat(heard).filteredOn(ServerFrame.Message.class::isInstance)
                .extracting(frame -> ((ServerFrame.Message) frame).seq())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, said).boxed().toList());
        assertThat(heard).contains(new ServerFrame.Presence("lobby", "stuck", chat.protocol.PresenceEvent.QUIT, null,
                "slow consumer"));
    }
}
