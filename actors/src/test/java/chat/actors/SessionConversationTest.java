package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A registered client's requests, one conversation per test, against a session and its real
 * registry and rooms: who gets which frame, with which fields, in which order, and what each
 * mistake earns.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class SessionConversationTest {

    private static final Duration QUIET = Duration.ofMillis(300);

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
    void theWelcomeNamesTheServerItsHeartbeatAndMotdAndWithoutADefaultRoomNothingFollows() {
        Person alice = Person.connected(testKit, registry(
                "chat.server-name = \"test/9\"\nchat.heartbeat = 1500ms\nchat.motd = \"be kind\"\nchat.default-room = \"\""));
        alice.says("{\"type\":\"hello\",\"nick\":\"alice\",\"id\":\"h\"}");

        assertThat(alice.gets(ServerFrame.Welcome.class))
                .isEqualTo(new ServerFrame.Welcome("alice", 1, "test/9", 2, "be kind", "h"));
        alice.getsNothingFor(QUIET);
        alice.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\",\"id\":\"s\"}");
        alice.getsError(ErrorCode.NOT_IN_ROOM, "s");
    }

    @Test
    void aSayRightAfterHelloOrJoinFindsTheRoomBecauseTheNextLineIsReadOnlyOnceTheLastIsAnswered() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person alice = Person.connected(testKit, registry);
        alice.says("{\"type\":\"hello\",\"nick\":\"alice\"}");
        alice.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"first\",\"id\":\"s1\"}");
        alice.says("{\"type\":\"join\",\"room\":\"garden\",\"id\":\"j\"}");
        alice.says("{\"type\":\"say\",\"room\":\"garden\",\"text\":\"second\",\"id\":\"s2\"}");

        alice.gets(ServerFrame.Welcome.class);
        assertThat(alice.gets(ServerFrame.Joined.class).room()).isEqualTo("lobby");
        ServerFrame.Message first = alice.gets(ServerFrame.Message.class);
        assertThat(List.of(first.room(), first.text(), first.re())).containsExactly("lobby", "first", "s1");
        ServerFrame.Joined garden = alice.gets(ServerFrame.Joined.class);
        assertThat(List.of(garden.room(), garden.re())).containsExactly("garden", "j");
        ServerFrame.Message second = alice.gets(ServerFrame.Message.class);
        assertThat(List.of(second.room(), second.text(), second.re())).containsExactly("garden", "second", "s2");
    }

    @Test
    void aRenameIsAnsweredWithOldAndNewEveryRoomSharedSeesItAndTheOldNickIsFree() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person alice = registered(registry, "alice");
        Person bob = registered(registry, "bob");
        alice.gets(ServerFrame.Presence.class);
        alice.says("{\"type\":\"join\",\"room\":\"garden\"}");
        alice.gets(ServerFrame.Joined.class);
        bob.says("{\"type\":\"join\",\"room\":\"garden\"}");
        bob.gets(ServerFrame.Joined.class);
        alice.gets(ServerFrame.Presence.class);

        alice.says("{\"type\":\"nick\",\"nick\":\"Alicia\",\"id\":\"n1\"}");

        assertThat(alice.gets(ServerFrame.NickChanged.class)).isEqualTo(new ServerFrame.NickChanged("alice", "Alicia", "n1"));
        List<ServerFrame> bobSees = List.of(bob.gets(ServerFrame.Presence.class), bob.gets(ServerFrame.Presence.class));
        assertThat(bobSees).containsExactlyInAnyOrder(
                new ServerFrame.Presence("lobby", "Alicia", PresenceEvent.RENAME, "alice", null),
                new ServerFrame.Presence("garden", "Alicia", PresenceEvent.RENAME, "alice", null));
        alice.getsNothingFor(QUIET);

        Person another = registered(registry, "alice");
        bob.skipTo(ServerFrame.Presence.class);
        another.says("{\"type\":\"nick\",\"nick\":\"ALICIA\",\"id\":\"n2\"}");
        another.getsError(ErrorCode.NICK_TAKEN, "n2");
        another.says("{\"type\":\"ping\",\"id\":\"p\"}");
        assertThat(another.gets(ServerFrame.Pong.class).re()).isEqualTo("p");
    }

    @Test
    void renamingToTheSameNickIsAnsweredButTroublesNobody() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person alice = registered(registry, "alice");
        Person bob = registered(registry, "bob");
        alice.gets(ServerFrame.Presence.class);

        alice.says("{\"type\":\"nick\",\"nick\":\"alice\",\"id\":\"n\"}");

        assertThat(alice.gets(ServerFrame.NickChanged.class)).isEqualTo(new ServerFrame.NickChanged("alice", "alice", "n"));
        bob.getsNothingFor(QUIET);
        alice.says("{\"type\":\"nick\",\"nick\":\"no spaces\",\"id\":\"bad\"}");
        alice.getsError(ErrorCode.BAD_NICK, "bad");
        alice.says("{\"type\":\"ping\",\"id\":\"p\"}");
        assertThat(alice.gets(ServerFrame.Pong.class).re()).isEqualTo("p");
    }

    @Test
    void aWhisperReachesItsAddresseeFromTheSendersNickAndEachMistakeHasItsCode() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-text = 10");
        Person alice = registered(registry, "alice");
        Person bob = registered(registry, "bob");
        alice.gets(ServerFrame.Presence.class);

        alice.says("{\"type\":\"whisper\",\"to\":\"9bob\",\"text\":\"psst\",\"id\":\"w1\"}");
        alice.getsError(ErrorCode.BAD_NICK, "w1");
        alice.says("{\"type\":\"whisper\",\"to\":\"bob\",\"text\":\"much too long for this\",\"id\":\"w2\"}");
        alice.getsError(ErrorCode.BAD_TEXT, "w2");
        alice.says("{\"type\":\"whisper\",\"to\":\"carol\",\"text\":\"psst\",\"id\":\"w3\"}");
        alice.getsError(ErrorCode.NO_SUCH_NICK, "w3");
        bob.getsNothingFor(QUIET);

        alice.says("{\"type\":\"whisper\",\"to\":\"BOB\",\"text\":\"psst\",\"id\":\"w4\"}");
        ServerFrame.Whisper heard = bob.gets(ServerFrame.Whisper.class);
        assertThat(List.of(heard.from(), heard.to(), heard.text())).containsExactly("alice", "bob", "psst");
        assertThat(heard.re()).isNull();
        assertThat(alice.gets(ServerFrame.Whisper.class)).isEqualTo(new ServerFrame.Whisper("alice", "bob", "psst", heard.ts(), "w4"));
    }

    @Test
    void aTopicGoesToTheWholeRoomAndShowsInTheListWhileMistakesAreRefused() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-topic = 10");
        Person alice = registered(registry, "alice");
        Person bob = registered(registry, "bob");
        alice.gets(ServerFrame.Presence.class);

        alice.says("{\"type\":\"topic\",\"room\":\"garden\",\"topic\":\"tea\",\"id\":\"t1\"}");
        alice.getsError(ErrorCode.NOT_IN_ROOM, "t1");
        alice.says("{\"type\":\"topic\",\"room\":\"no spaces\",\"topic\":\"tea\",\"id\":\"t2\"}");
        alice.getsError(ErrorCode.BAD_ROOM, "t2");
        alice.says("{\"type\":\"topic\",\"room\":\"lobby\",\"topic\":\"a topic far too long\",\"id\":\"t3\"}");
        alice.getsError(ErrorCode.BAD_TEXT, "t3");
        bob.getsNothingFor(QUIET);

        alice.says("{\"type\":\"topic\",\"room\":\"lobby\",\"topic\":\"tea\",\"id\":\"t4\"}");
        assertThat(alice.gets(ServerFrame.Topic.class)).isEqualTo(new ServerFrame.Topic("lobby", "tea", "alice", "t4"));
        assertThat(bob.gets(ServerFrame.Topic.class)).isEqualTo(new ServerFrame.Topic("lobby", "tea", "alice", null));
        bob.says("{\"type\":\"rooms\",\"id\":\"r\"}");
        assertThat(bob.gets(ServerFrame.RoomList.class))
                .isEqualTo(new ServerFrame.RoomList(List.of(new ServerFrame.RoomSummary("lobby", 2, "tea")), "r"));
    }

    @Test
    void whoAndHistoryAnswerForAnyRoomByNameAndRefuseBadNames() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.rate = 1000\nchat.limits.burst = 1000");
        Person alice = registered(registry, "alice");
        Person bob = registered(registry, "bob");
        alice.gets(ServerFrame.Presence.class);
        for (int i = 1; i <= 52; i++) {
            alice.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"m" + i + "\"}");
            alice.gets(ServerFrame.Message.class);
        }

        bob.says("{\"type\":\"who\",\"room\":\"no spaces\",\"id\":\"w1\"}");
        bob.skipTo(ServerFrame.Error.class);
        bob.says("{\"type\":\"who\",\"room\":\"LOBBY\",\"id\":\"w2\"}");
        assertThat(bob.skipTo(ServerFrame.Members.class)).isEqualTo(new ServerFrame.Members("lobby", List.of("alice", "bob"), "w2"));
        bob.says("{\"type\":\"who\",\"room\":\"Nowhere\",\"id\":\"w3\"}");
        assertThat(bob.gets(ServerFrame.Members.class)).isEqualTo(new ServerFrame.Members("Nowhere", List.of(), "w3"));

        bob.says("{\"type\":\"history\",\"room\":\"no spaces\",\"id\":\"h1\"}");
        bob.getsError(ErrorCode.BAD_ROOM, "h1");
        bob.says("{\"type\":\"history\",\"room\":\"lobby\",\"id\":\"h2\"}");
        ServerFrame.History byDefault = bob.gets(ServerFrame.History.class);
        assertThat(byDefault.re()).isEqualTo("h2");
        assertThat(byDefault.messages()).extracting(ServerFrame.Message::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(3, 52).mapToObj(Long::valueOf).toList());
        bob.says("{\"type\":\"history\",\"room\":\"lobby\",\"before\":3,\"limit\":5,\"id\":\"h3\"}");
        assertThat(bob.gets(ServerFrame.History.class).messages()).extracting(ServerFrame.Message::text).containsExactly("m1", "m2");
        bob.says("{\"type\":\"history\",\"room\":\"Nowhere\",\"id\":\"h4\"}");
        assertThat(bob.gets(ServerFrame.History.class)).isEqualTo(new ServerFrame.History("Nowhere", List.of(), "h4"));
    }

    @Test
    void aSessionJoinsAtMostItsShareOfRoomsYetMayRejoinOneItIsIn() {
        Person alice = registered(registry("chat.limits.max-rooms-per-session = 2"), "alice");
        alice.says("{\"type\":\"join\",\"room\":\"no spaces\",\"id\":\"j1\"}");
        alice.getsError(ErrorCode.BAD_ROOM, "j1");
        alice.says("{\"type\":\"join\",\"room\":\"garden\",\"id\":\"j2\"}");
        assertThat(alice.gets(ServerFrame.Joined.class).room()).isEqualTo("garden");

        alice.says("{\"type\":\"join\",\"room\":\"attic\",\"id\":\"j3\"}");
        ServerFrame.Error refused = alice.getsError(ErrorCode.BAD_REQUEST, "j3");
        assertThat(refused.message()).contains("2 rooms");
        alice.says("{\"type\":\"join\",\"room\":\"Garden\",\"id\":\"j4\"}");
        ServerFrame.Joined again = alice.gets(ServerFrame.Joined.class);
        assertThat(List.of(again.room(), again.re())).containsExactly("garden", "j4");
        assertThat(again.members()).containsExactly("alice");

        alice.says("{\"type\":\"leave\",\"room\":\"garden\",\"id\":\"l\"}");
        alice.gets(ServerFrame.Left.class);
        alice.says("{\"type\":\"join\",\"room\":\"attic\",\"id\":\"j5\"}");
        assertThat(alice.gets(ServerFrame.Joined.class).room()).isEqualTo("attic");
    }

    @Test
    void whoLeavesIsToldLeftTheOthersSeeItAndWhatTheRoomSaysAfterwardsIsNotShown() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person alice = registered(registry, "alice");
        Person bob = registered(registry, "bob");
        alice.gets(ServerFrame.Presence.class);

        alice.says("{\"type\":\"leave\",\"room\":\"no spaces\",\"id\":\"l1\"}");
        alice.getsError(ErrorCode.BAD_ROOM, "l1");
        alice.says("{\"type\":\"leave\",\"room\":\"Lobby\",\"id\":\"l2\"}");
        assertThat(alice.gets(ServerFrame.Left.class)).isEqualTo(new ServerFrame.Left("lobby", "l2"));
        assertThat(bob.gets(ServerFrame.Presence.class))
                .isEqualTo(new ServerFrame.Presence("lobby", "alice", PresenceEvent.LEAVE, null, null));

        bob.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"anyone?\"}");
        bob.gets(ServerFrame.Message.class);
        alice.getsNothingFor(QUIET);
        alice.says("{\"type\":\"leave\",\"room\":\"lobby\",\"id\":\"l3\"}");
        alice.getsError(ErrorCode.NOT_IN_ROOM, "l3");
    }

    @Test
    void theRateLimitErrorStatesTheRateAndBurstAndTheAbuserIsSeenToQuitForIt() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.rate = 0.5\nchat.limits.burst = 1\n"
                + "chat.limits.rate-abuse-tolerance = 1");
        Person watcher = registered(registry, "watcher");
        Person flooder = Person.connected(testKit, registry);
        flooder.says("{\"type\":\"hello\",\"nick\":\"flooder\"}");
        flooder.gets(ServerFrame.Welcome.class);
        flooder.gets(ServerFrame.Joined.class);
        watcher.gets(ServerFrame.Presence.class);

        flooder.says("{\"type\":\"ping\",\"id\":\"p1\"}");
        ServerFrame.Error limited = flooder.getsError(ErrorCode.RATE_LIMITED, "p1");
        assertThat(limited.message()).isEqualTo("slow down: at most 0.5 frames per second, bursts of 1");
        flooder.sendsWithoutWaiting("{\"type\":\"ping\",\"id\":\"p2\"}");
        assertThat(flooder.gets(ServerFrame.Bye.class)).isEqualTo(new ServerFrame.Bye("rate limit exceeded", null));
        assertThat(watcher.gets(ServerFrame.Presence.class))
                .isEqualTo(new ServerFrame.Presence("lobby", "flooder", PresenceEvent.QUIT, null, "rate limit exceeded"));
        flooder.says("{\"type\":\"ping\",\"id\":\"after\"}");
        flooder.getsNothingFor(QUIET);
    }

    @Test
    void aWholeRateIsSpokenWithoutAFraction() {
        Person flooder = registered(registry("chat.limits.rate = 1\nchat.limits.burst = 1"), "flooder");
        flooder.says("{\"type\":\"ping\",\"id\":\"p\"}");
        assertThat(flooder.getsError(ErrorCode.RATE_LIMITED, "p").message())
                .isEqualTo("slow down: at most 1 frames per second, bursts of 1");
    }

    @Test
    void aFrameTooLongClosesTheConnectionAndTheRoomSeesWhy() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person watcher = registered(registry, "watcher");
        Person alice = registered(registry, "alice");
        watcher.gets(ServerFrame.Presence.class);

        alice.session.tell(new SessionActor.Received(
                new chat.protocol.Decoded.Rejected(ErrorCode.FRAME_TOO_LONG, "too long", null), alice.acks.ref()));

        alice.getsError(ErrorCode.FRAME_TOO_LONG, null);
        assertThat(alice.ends.receiveMessage(Person.PATIENCE)).isInstanceOf(ConnectionEnd.Closed.class);
        assertThat(watcher.gets(ServerFrame.Presence.class))
                .isEqualTo(new ServerFrame.Presence("lobby", "alice", PresenceEvent.QUIT, null, "frame-too-long"));
        alice.says("{\"type\":\"ping\",\"id\":\"after\"}");
        alice.getsNothingFor(QUIET);
    }

    @Test
    void linesAfterByeAreTakenButGoUnanswered() {
        Person alice = registered(registry(""), "alice");
        alice.says("{\"type\":\"bye\",\"id\":\"b\"}");
        assertThat(alice.gets(ServerFrame.Bye.class)).isEqualTo(new ServerFrame.Bye("client quit", "b"));
        alice.says("{\"type\":\"ping\",\"id\":\"late\"}");
        alice.getsNothingFor(QUIET);
    }

    @Test
    void byeBeforeHelloIsAnsweredPolitely() {
        Person stranger = Person.connected(testKit, registry(""));
        stranger.says("{\"type\":\"bye\",\"id\":\"b\"}");
        assertThat(stranger.gets(ServerFrame.Bye.class)).isEqualTo(new ServerFrame.Bye("client quit", "b"));
        assertThat(stranger.ends.receiveMessage(Person.PATIENCE)).isInstanceOf(ConnectionEnd.Closed.class);
    }

    @Test
    void aClientThatHangsUpIsSeenToQuitWithTheReasonAndItsNickIsFreeAgain() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person watcher = registered(registry, "watcher");
        Person alice = registered(registry, "alice");
        watcher.gets(ServerFrame.Presence.class);

        alice.session.tell(new SessionActor.ConnectionLost("connection reset by peer"));

        assertThat(watcher.gets(ServerFrame.Presence.class))
                .isEqualTo(new ServerFrame.Presence("lobby", "alice", PresenceEvent.QUIT, null, "connection reset by peer"));
        alice.getsNothingFor(QUIET);
        Person again = Person.connected(testKit, registry);
        again.says("{\"type\":\"hello\",\"nick\":\"alice\",\"id\":\"h\"}");
        assertThat(again.gets(ServerFrame.Welcome.class).nick()).isEqualTo("alice");
    }

    @Test
    void aClientThatHangsUpWhileItsJoinIsOnItsWayLeavesNoGhostInThatRoom() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person bob = registered(registry, "bob");
        bob.says("{\"type\":\"join\",\"room\":\"garden\"}");
        bob.gets(ServerFrame.Joined.class);
        Person alice = registered(registry, "alice");
        bob.gets(ServerFrame.Presence.class);

        alice.sendsWithoutWaiting("{\"type\":\"join\",\"room\":\"garden\"}");
        alice.session.tell(new SessionActor.ConnectionLost("connection reset by peer"));

        List<ServerFrame.Presence> seen = List.of(bob.gets(ServerFrame.Presence.class), bob.gets(ServerFrame.Presence.class),
                bob.gets(ServerFrame.Presence.class));
        assertThat(seen).filteredOn(presence -> presence.room().equals("lobby"))
                .containsExactly(new ServerFrame.Presence("lobby", "alice", PresenceEvent.QUIT, null, "connection reset by peer"));
        // The session was gone before the room's answer came back, so the room tells of its end in its own words.
        assertThat(seen).filteredOn(presence -> presence.room().equals("garden"))
                .extracting(ServerFrame.Presence::nick, ServerFrame.Presence::event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", PresenceEvent.JOIN),
                        org.assertj.core.groups.Tuple.tuple("alice", PresenceEvent.QUIT));
        bob.says("{\"type\":\"who\",\"room\":\"garden\",\"id\":\"w\"}");
        assertThat(bob.gets(ServerFrame.Members.class)).isEqualTo(new ServerFrame.Members("garden", List.of("bob"), "w"));
    }

    @Test
    void aClientThatAnswersThePingStaysAndIsPingedAgainOnlyAfterAnotherSilence() {
        Person alice = registered(registry("chat.heartbeat = 1s"), "alice");
        assertThat(alice.frames.receiveMessage(Duration.ofSeconds(3))).isEqualTo(new ServerFrame.Ping());
        alice.says("{\"type\":\"pong\"}");
        alice.getsNothingFor(Duration.ofMillis(700));
        assertThat(alice.frames.receiveMessage(Duration.ofSeconds(3))).isEqualTo(new ServerFrame.Ping());
        assertThat(alice.frames.receiveMessage(Duration.ofSeconds(3))).isEqualTo(new ServerFrame.Bye("ping timeout", null));
        alice.says("{\"type\":\"ping\",\"id\":\"after\"}");
        alice.getsNothingFor(QUIET);
    }

    @Test
    void aClientThatKeepsTalkingIsNeverPinged() throws InterruptedException {
        Person alice = registered(registry("chat.heartbeat = 1s"), "alice");
        for (int i = 0; i < 8; i++) {
            alice.says("{\"type\":\"ping\",\"id\":\"" + i + "\"}");
            assertThat(alice.gets(ServerFrame.Pong.class).re()).isEqualTo(String.valueOf(i));
            Thread.sleep(300);
        }
        alice.getsNothingFor(Duration.ZERO);
    }

    @Test
    void theRegistrationTimeoutSaysHowLongTheClientHad() {
        Person lurker = Person.connected(testKit, registry("chat.limits.register-timeout = 300ms"));
        assertThat(lurker.gets(ServerFrame.Bye.class))
                .isEqualTo(new ServerFrame.Bye("registration timeout: no hello within 300 ms", null));
        lurker.says("{\"type\":\"hello\",\"nick\":\"late\"}");
        lurker.getsNothingFor(QUIET);
    }

    @Test
    void aClientThatReadsTooSlowlyIsNoLongerReadUntilItCatchesUpInsteadOfBeingCut() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-outbound = 10\nchat.default-room = \"\"");
        Person slow = notReading(registry);
        slow.says("{\"type\":\"hello\",\"nick\":\"slow\"}");
        for (int i = 1; i <= 3; i++) {
            slow.says("{\"type\":\"ping\",\"id\":\"" + i + "\"}");
        }
        // Four frames wait; the fifth fills half the queue and the session stops taking lines.
        slow.sendsWithoutWaiting("{\"type\":\"ping\",\"id\":\"4\"}");
        slow.acks.expectNoMessage(QUIET);
        slow.ends.expectNoMessage(Duration.ZERO);

        slow.outlet.catchUp();

        assertThat(slow.gets(ServerFrame.Welcome.class).nick()).isEqualTo("slow");
        for (int i = 1; i <= 4; i++) {
            assertThat(slow.gets(ServerFrame.Pong.class).re()).isEqualTo(String.valueOf(i));
        }
        slow.acks.receiveMessage(Person.PATIENCE);
        slow.says("{\"type\":\"ping\",\"id\":\"5\"}");
        slow.outlet.catchUp();
        assertThat(slow.gets(ServerFrame.Pong.class).re()).isEqualTo("5");
    }

    @Test
    void aReaderFarBehindInBytesIsCutAsASlowConsumerAndTheRoomSeesWhy() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-outbound-bytes = 2KiB\n"
                + "chat.limits.rate = 1000\nchat.limits.burst = 1000\nchat.limits.linger = 300ms");
        Person talker = registered(registry, "talker");
        Person stuck = notReading(registry);
        stuck.says("{\"type\":\"hello\",\"nick\":\"stuck\"}");
        talker.gets(ServerFrame.Presence.class);

        String line = "x".repeat(200);
        for (int i = 0; i < 15; i++) {
            talker.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"" + line + "\"}");
        }

        assertThat(stuck.ends.receiveMessage(Duration.ofSeconds(3))).isInstanceOf(ConnectionEnd.Aborted.class);
        assertThat(talker.skipTo(ServerFrame.Presence.class))
                .isEqualTo(new ServerFrame.Presence("lobby", "stuck", PresenceEvent.QUIT, null, "slow consumer"));
    }

    @Test
    void oneFrameOverTheByteBudgetMayWaitAloneForAClientThatReadsLater() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-outbound-bytes = 100\nchat.default-room = \"\"");
        Person slow = notReading(registry);
        slow.says("{\"type\":\"hello\",\"nick\":\"slow\"}");
        slow.ends.expectNoMessage(QUIET);
        slow.outlet.catchUp();
        assertThat(slow.gets(ServerFrame.Welcome.class).nick()).isEqualTo("slow");
        slow.getsNothingFor(Duration.ZERO);
    }

    @Test
    void exactlyTheMostFramesMayWaitOneMoreCutsTheReader() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-outbound = 4\n"
                + "chat.limits.linger = 300ms");
        Person talker = registered(registry, "talker");
        Person stuck = notReading(registry);
        stuck.sendsWithoutWaiting("{\"type\":\"hello\",\"nick\":\"stuck\"}");
        talker.gets(ServerFrame.Presence.class);

        // welcome and joined wait; two lines make four.
        talker.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"one\"}");
        talker.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"two\"}");
        assertThat(talker.gets(ServerFrame.Message.class).text()).isEqualTo("one");
        assertThat(talker.gets(ServerFrame.Message.class).text()).isEqualTo("two");
        talker.getsNothingFor(QUIET);
        talker.says("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"three\"}");
        assertThat(stuck.ends.receiveMessage(Duration.ofSeconds(3))).isInstanceOf(ConnectionEnd.Aborted.class);
        assertThat(talker.skipTo(ServerFrame.Presence.class))
                .isEqualTo(new ServerFrame.Presence("lobby", "stuck", PresenceEvent.QUIT, null, "slow consumer"));
    }

    @Test
    void aNickIsFreeTheMomentItsOwnerSaysByeThoughTheConnectionStillLingers() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person alice = notReading(registry);
        alice.says("{\"type\":\"hello\",\"nick\":\"alice\"}");
        alice.says("{\"type\":\"bye\"}");

        Person again = Person.connected(testKit, registry);
        again.says("{\"type\":\"hello\",\"nick\":\"alice\",\"id\":\"h\"}");
        assertThat(again.gets(ServerFrame.Welcome.class).nick()).isEqualTo("alice");
        alice.ends.expectNoMessage(Duration.ZERO);
    }

    @Test
    void aByeThePeerNeverTakesEndsInAResetAfterTheLinger() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.linger = 300ms");
        Person stuck = notReading(registry);
        stuck.says("{\"type\":\"bye\"}");
        stuck.says("{\"type\":\"ping\"}");
        stuck.session.tell(new SessionActor.ServerShutdown());
        stuck.ends.expectNoMessage(Duration.ofMillis(100));
        assertThat(stuck.ends.receiveMessage(Duration.ofSeconds(3))).isInstanceOf(ConnectionEnd.Aborted.class);
    }

    @Test
    void aShutdownBeforeTheConnectionIsReadyStillSaysByeFirst() {
        ActorRef<RegistryActor.Command> registry = registry("");
        ActorRef<SessionActor.Command> session = Person.admitted(testKit, registry);
        session.tell(new SessionActor.ServerShutdown());
        var frames = testKit.<ServerFrame>createTestProbe();
        var ends = testKit.<ConnectionEnd>createTestProbe();
        var acks = testKit.<SessionActor.Ack>createTestProbe();

        session.tell(new SessionActor.Connected(OutletStandIn.reading(session, TestSettings.with("").limits(), frames.ref()::tell, ends.ref()::tell), acks.ref()));

        assertThat(frames.receiveMessage(Person.PATIENCE)).isEqualTo(new ServerFrame.Bye("server shutting down", null));
        assertThat(ends.receiveMessage(Person.PATIENCE)).isInstanceOf(ConnectionEnd.Closed.class);
    }
}
