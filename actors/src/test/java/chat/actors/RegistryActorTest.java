package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.actor.typed.RecipientRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class RegistryActorTest {

    @JUnit5TestKit
    ActorTestKit testKit = TestSettings.serializingEverything("RegistryActorTest");

    private ActorRef<RegistryActor.Command> registry(String settings) {
        ChatSettings chat = TestSettings.with(settings);
        return testKit.spawn(RegistryActor.create(chat));
    }

    @Test
    void aNickIsOneNickWhateverItsCaseWidthOrLookalikeLetters() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("Alice", null, alice.ref(), null, "h"));
        assertThat(claimed(alice).nick()).isEqualTo("Alice");

        for (String lookalike : List.of("alice", "ＡＬＩＣＥ", "аlice")) {
            TestProbe<SessionActor.Reply> impostor = testKit.createTestProbe();
            registry.tell(new RegistryActor.ClaimNick(lookalike, null, impostor.ref(), null, "h2"));
            SessionActor.NickRefused refused = impostor.expectMessageClass(SessionActor.NickRefused.class);
            assertThat(refused.code()).isEqualTo(ErrorCode.NICK_TAKEN);
            assertThat(refused.re()).isEqualTo("h2");
        }
    }

    @Test
    void ofFiftyRacingClaimsForOneNickExactlyOneWins() {
        ActorRef<RegistryActor.Command> registry = registry("");
        List<TestProbe<SessionActor.Reply>> racers = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestProbe<SessionActor.Reply> racer = testKit.createTestProbe();
            racers.add(racer);
            registry.tell(new RegistryActor.ClaimNick(i % 2 == 0 ? "zoe" : "ZOE", null, racer.ref(), null, null));
        }
        long winners = racers.stream()
                .map(racer -> racer.expectMessageClass(SessionActor.Reply.class))
                .filter(SessionActor.NickClaimed.class::isInstance)
                .count();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aReleasedNickCanBeTakenAndARenameFreesTheOldOne() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> first = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("sam", null, first.ref(), null, null));
        String samKey = claimed(first).key();
        registry.tell(new RegistryActor.ClaimNick("samuel", samKey, first.ref(), null, null));
        claimed(first);

        TestProbe<SessionActor.Reply> second = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("Sam", null, second.ref(), null, null));
        assertThat(claimed(second).nick()).isEqualTo("Sam");
    }

    @Test
    void connectionsBeyondTheLimitsAreRefusedAsServerFull() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-sessions = 3\nchat.limits.max-per-address = 2");
        TestProbe<RegistryActor.Admission> door = testKit.createTestProbe();
        registry.tell(new RegistryActor.Admit("10.0.0.1", "10.0.0.1:1", door.ref()));
        registry.tell(new RegistryActor.Admit("10.0.0.1", "10.0.0.1:2", door.ref()));
        registry.tell(new RegistryActor.Admit("10.0.0.1", "10.0.0.1:3", door.ref()));
        registry.tell(new RegistryActor.Admit("10.0.0.2", "10.0.0.2:1", door.ref()));
        registry.tell(new RegistryActor.Admit("10.0.0.3", "10.0.0.3:1", door.ref()));

        assertThat(door.expectMessageClass(RegistryActor.Admission.class)).isInstanceOf(RegistryActor.Admitted.class);
        assertThat(door.expectMessageClass(RegistryActor.Admission.class)).isInstanceOf(RegistryActor.Admitted.class);
        assertFull(door.expectMessageClass(RegistryActor.Admission.class));
        assertThat(door.expectMessageClass(RegistryActor.Admission.class)).isInstanceOf(RegistryActor.Admitted.class);
        assertFull(door.expectMessageClass(RegistryActor.Admission.class));

        TestProbe<RegistryActor.Stats> stats = testKit.createTestProbe();
        registry.tell(new RegistryActor.GetStats(stats.ref()));
        assertThat(stats.receiveMessage()).isEqualTo(new RegistryActor.Stats(3, 0, 0));
    }

    private static void assertFull(RegistryActor.Admission admission) {
        assertThat(admission).isInstanceOf(RegistryActor.Refused.class);
        ServerFrame farewell = ((RegistryActor.Refused) admission).farewell();
        assertThat(((ServerFrame.Error) farewell).code()).isEqualTo(ErrorCode.SERVER_FULL);
    }

    @Test
    void aWhisperReachesOnlyItsAddresseeAndAnUnknownNickIsNoSuchNick() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        RoomMember bob = new RoomMember(testKit, "bob");
        registry.tell(new RegistryActor.ClaimNick("alice", null, alice.ref(), null, null));
        registry.tell(new RegistryActor.ClaimNick("bob", null, bob.ref(), bob.outlet, null));
        claimed(alice);
        claimed(bob.replies);

        registry.tell(new RegistryActor.Whisper("alice", "BOB", "psst", alice.ref(), "w1"));
        ServerFrame.Whisper heard = (ServerFrame.Whisper) bob.nextFrame();
        assertThat(heard.from()).isEqualTo("alice");
        assertThat(heard.to()).isEqualTo("bob");
        assertThat(heard.text()).isEqualTo("psst");
        ServerFrame.Whisper echo = (ServerFrame.Whisper) answered(alice);
        assertThat(echo.re()).isEqualTo("w1");

        registry.tell(new RegistryActor.Whisper("alice", "nobody", "hello?", alice.ref(), "w2"));
        ServerFrame.Error error = (ServerFrame.Error) answered(alice);
        assertThat(error.code()).isEqualTo(ErrorCode.NO_SUCH_NICK);
        assertThat(error.re()).isEqualTo("w2");
    }

    @Test
    void roomsAreFoundByNameWhateverTheCaseAndListedWithTheirCounts() {
        ActorRef<RegistryActor.Command> registry = registry("");
        RoomMember alice = new RoomMember(testKit, "alice");
        registry.tell(alice.joinRoom("Garden", null, null));
        joined(alice);
        RoomMember bob = new RoomMember(testKit, "bob");
        registry.tell(bob.joinRoom("garden", null, null));
        ServerFrame.Joined joined = joined(bob);
        assertThat(joined.room()).isEqualTo("Garden");
        assertThat(joined.members()).containsExactly("alice", "bob");

        registry.tell(new RegistryActor.ListRooms(Set.of(), bob.ref(), "r"));
        ServerFrame.RoomList list = (ServerFrame.RoomList) bob.answer();
        assertThat(list.rooms()).containsExactly(new ServerFrame.RoomSummary("Garden", 2, ""));
    }

    /** The nick's answer to a winning claim, then where the nick is kept, for the session's node. */
    private static <M> SessionActor.NickClaimed claimed(TestProbe<M> session) {
        Object claimed = session.receiveMessage();
        assertThat(claimed).isInstanceOf(SessionActor.NickClaimed.class);
        assertThat(session.receiveMessage()).isInstanceOf(SessionActor.NickKept.class);
        return (SessionActor.NickClaimed) claimed;
    }

    private static ServerFrame answered(TestProbe<SessionActor.Reply> session) {
        return session.expectMessageClass(SessionActor.Answer.class).frame();
    }

    /** The room told the session it joined, and wrote its snapshot to the member's connection. */
    private static ServerFrame.Joined joined(RoomMember member) {
        member.replies.expectMessageClass(SessionActor.RoomJoined.class);
        return (ServerFrame.Joined) member.nextFrame();
    }

    @Test
    void aShutdownSaysByeToEveryoneIsDoneOnceTheyHaveGoneAndTurnsNewcomersAway() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person alice = Person.connected(testKit, registry, Person.OutletKind.READS_AND_HANGS_UP_WHEN_CLOSED);
        Person bob = Person.connected(testKit, registry, Person.OutletKind.READS_AND_HANGS_UP_WHEN_CLOSED);
        alice.says("{\"type\":\"hello\",\"nick\":\"alice\"}");
        alice.gets(ServerFrame.Welcome.class);
        TestProbe<Done> done = testKit.createTestProbe();

        registry.tell(new RegistryActor.Shutdown(Duration.ofSeconds(4), done.ref()));

        assertThat(alice.skipTo(ServerFrame.Bye.class)).isEqualTo(new ServerFrame.Bye("server shutting down", null));
        assertThat(bob.gets(ServerFrame.Bye.class)).isEqualTo(new ServerFrame.Bye("server shutting down", null));
        done.expectMessage(Done.getInstance());
        TestProbe<RegistryActor.Admission> door = testKit.createTestProbe();
        registry.tell(new RegistryActor.Admit("10.0.0.9", "10.0.0.9:1", door.ref()));
        assertThat(door.receiveMessage()).isEqualTo(new RegistryActor.Refused(new ServerFrame.Bye("server shutting down", null)));
        TestProbe<RegistryActor.Stats> stats = testKit.createTestProbe();
        // The lobby, empty now, passivates a moment after its last member left.
        stats.awaitAssert(() -> {
            registry.tell(new RegistryActor.GetStats(stats.ref()));
            assertThat(stats.receiveMessage()).isEqualTo(new RegistryActor.Stats(0, 0, 0));
            return null;
        });
    }

    @Test
    void aShutdownWithNobodyConnectedIsDoneAtOnce() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<Done> done = testKit.createTestProbe();
        registry.tell(new RegistryActor.Shutdown(Duration.ofSeconds(30), done.ref()));
        done.expectMessage(Duration.ofSeconds(1), Done.getInstance());
    }

    @Test
    void aShutdownThatSessionsDoNotFinishInTimeEndsAtItsTimeout() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person.connected(testKit, registry, Person.OutletKind.STOPPED_READING);
        TestProbe<Done> done = testKit.createTestProbe();
        registry.tell(new RegistryActor.Shutdown(Duration.ofMillis(500), done.ref()));
        done.expectNoMessage(Duration.ofMillis(300));
        done.expectMessage(Duration.ofSeconds(3), Done.getInstance());
    }

    @Test
    void aPlaceIsFreeOnceItsSessionSaysByeAndTheAddressCountsOneLess() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-sessions = 2\nchat.limits.max-per-address = 1");
        Person first = Person.connected(testKit, registry, Person.OutletKind.STOPPED_READING);
        TestProbe<RegistryActor.Admission> door = testKit.createTestProbe();
        registry.tell(new RegistryActor.Admit("127.0.0.1", "127.0.0.1:2", door.ref()));
        assertThat(farewellMessage(door.receiveMessage())).isEqualTo("too many connections from your address: 1; try again later");

        // The first session still lingers over its unread bye, yet its place is free.
        first.says("{\"type\":\"bye\"}");
        registry.tell(new RegistryActor.Admit("127.0.0.1", "127.0.0.1:3", door.ref()));
        assertThat(door.receiveMessage()).isInstanceOf(RegistryActor.Admitted.class);
        registry.tell(new RegistryActor.Admit("10.0.0.2", "10.0.0.2:1", door.ref()));
        assertThat(door.receiveMessage()).isInstanceOf(RegistryActor.Admitted.class);
        registry.tell(new RegistryActor.Admit("10.0.0.3", "10.0.0.3:1", door.ref()));
        assertThat(farewellMessage(door.receiveMessage())).isEqualTo("the server is full: all 2 places are taken; try again later");
    }

    private static String farewellMessage(RegistryActor.Admission admission) {
        assertFull(admission);
        return ((ServerFrame.Error) ((RegistryActor.Refused) admission).farewell()).message();
    }

    /**
     * Alice's nick was kept on a node that died while she stayed connected, and a newcomer took it
     * in the moment before her node claimed it back: the newcomer loses it, and whispers reach her.
     */
    @Test
    void aNickClaimedBackByItsEarlierHolderIsLostByWhoeverTookItMeanwhile() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> newcomer = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("alice", null, newcomer.ref(), null, null));
        claimed(newcomer);
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        TestProbe<NodeFanOut.Command> alicesNode = testKit.createTestProbe();

        NickActor.of(ClusterSharding.get(testKit.system()), "alice")
                .tell(new NickActor.Handover("alice", alice.ref(), alicesNode.ref()));

        newcomer.expectMessage(new SessionActor.NickLost("alice", "alice"));
        assertThat(alice.expectMessageClass(SessionActor.NickKept.class).key()).isEqualTo("alice");
        TestProbe<SessionActor.Reply> bob = testKit.createTestProbe();
        registry.tell(new RegistryActor.Whisper("bob", "alice", "still there?", bob.ref(), "w"));
        assertThat(alicesNode.expectMessageClass(NodeFanOut.WriteTo.class).session()).isEqualTo(alice.ref());
    }

    @Test
    void theNickOfASessionThatEndsIsFreeAgain() {
        ActorRef<RegistryActor.Command> registry = registry("");
        Person alice = Person.registered(testKit, registry, "alice");
        alice.session.tell(new SessionActor.ConnectionLost("gone"));
        alice.frames.expectTerminated(alice.session);
        TestProbe<SessionActor.Reply> next = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("alice", null, next.ref(), null, "h"));
        assertThat(claimed(next).nick()).isEqualTo("alice");
    }

    @Test
    void onlyTheHolderReleasesANickAndItMayChangeItsOwnSpelling() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        TestProbe<SessionActor.Reply> bob = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("alice", null, alice.ref(), null, null));
        String key = claimed(alice).key();

        registry.tell(new RegistryActor.ReleaseNick(key, bob.ref()));
        registry.tell(new RegistryActor.ClaimNick("alice", null, bob.ref(), null, "b"));
        assertThat(bob.expectMessageClass(SessionActor.NickRefused.class).message()).isEqualTo("nick \"alice\" is taken");

        registry.tell(new RegistryActor.ClaimNick("ALICE", key, alice.ref(), null, "a"));
        assertThat(claimed(alice))
                .isEqualTo(new SessionActor.NickClaimed("ALICE", key, "a"));
        registry.tell(new RegistryActor.ClaimNick("alice", null, bob.ref(), null, "b2"));
        assertThat(bob.expectMessageClass(SessionActor.NickRefused.class).message()).isEqualTo("nick \"ALICE\" is taken");
    }

    @Test
    void aWhisperToOneselfIsAnsweredOnceAndNotDeliveredBesides() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("alice", null, alice.ref(), null, null));
        claimed(alice);

        registry.tell(new RegistryActor.Whisper("alice", "alice", "note to self", alice.ref(), "w"));

        ServerFrame.Whisper echo = (ServerFrame.Whisper) answered(alice);
        assertThat(List.of(echo.from(), echo.to(), echo.text(), echo.re()))
                .containsExactly("alice", "alice", "note to self", "w");
        alice.expectNoMessage(Duration.ofMillis(300));
    }

    @Test
    void whoAndHistoryOfARoomNobodyOpenedAreEmptyAndNamedAsAsked() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        registry.tell(new RegistryActor.WhoIn("Cellar", alice.ref(), "w"));
        assertThat(answered(alice)).isEqualTo(new ServerFrame.Members("Cellar", List.of(), "w"));
        registry.tell(new RegistryActor.HistoryOf("Cellar", null, 10, alice.ref(), "h"));
        assertThat(answered(alice)).isEqualTo(new ServerFrame.History("Cellar", List.of(), "h"));
        // The room opened to answer is gone a moment later: it stored nothing, so the list forgets it.
        alice.awaitAssert(() -> {
            registry.tell(new RegistryActor.ListRooms(Set.of(), alice.ref(), "r"));
            assertThat(answered(alice)).isEqualTo(new ServerFrame.RoomList(List.of(), "r"));
            return null;
        });
    }

    @Test
    void roomsAreListedAlphabeticallyWhateverTheCaseWithTheirTopics() {
        ActorRef<RegistryActor.Command> registry = registry("");
        RoomMember alice = new RoomMember(testKit, "alice");
        // The directory is a hash map, which holds these three as attic, zoo, mill.
        for (String room : List.of("mill", "Zoo", "attic")) {
            registry.tell(alice.joinRoom(room, null, null));
            joined(alice);
        }
        ClusterSharding.get(testKit.system()).entityRefFor(RoomActor.TYPE_KEY, "mill")
                .tell(new RoomActor.SetTopic(alice.ref(), "flour", "t"));
        assertThat(alice.answer()).isInstanceOf(ServerFrame.Topic.class);

        alice.replies.awaitAssert(() -> {
            registry.tell(new RegistryActor.ListRooms(Set.of(), alice.ref(), "r"));
            assertThat(((ServerFrame.RoomList) alice.answer()).rooms()).containsExactly(
                    new ServerFrame.RoomSummary("attic", 1, ""),
                    new ServerFrame.RoomSummary("mill", 1, "flour"),
                    new ServerFrame.RoomSummary("Zoo", 1, ""));
            return null;
        });
    }

    @Test
    void beyondItsMostRoomsTheServerRefusesANewRoomButStillOpensAnExistingOne() {
        ActorRef<RegistryActor.Command> registry = registry("chat.limits.max-rooms = 1");
        RoomMember alice = new RoomMember(testKit, "alice");
        registry.tell(alice.joinRoom("one", null, "j1"));
        assertThat(joined(alice).room()).isEqualTo("one");

        registry.tell(alice.joinRoom("two", null, "j2"));
        assertThat(alice.answer()).isEqualTo(new ServerFrame.Error(ErrorCode.BAD_ROOM,
                "the server holds its maximum of 1 rooms in use; join one of them", "j2"));
        alice.offers.expectNoMessage(Duration.ofMillis(100));

        RoomMember bob = new RoomMember(testKit, "bob");
        registry.tell(bob.joinRoom("ONE", null, "j3"));
        assertThat(joined(bob).members()).containsExactly("alice", "bob");
    }

    @Test
    void aRoomEveryoneLeftWithNothingSaidIsGoneFromTheListAndTheNextJoinOpensItAfresh() {
        ActorRef<RegistryActor.Command> registry = registry("");
        RoomMember alice = new RoomMember(testKit, "alice");
        RoomMember bob = new RoomMember(testKit, "bob");
        TestProbe<SessionActor.Reply> carol = testKit.createTestProbe();
        registry.tell(alice.joinRoom("den", null, null));
        RecipientRef<RoomActor.Command> den = alice.hearsJoined();
        alice.nextFrame();
        registry.tell(bob.joinRoom("den", null, null));
        joined(bob);
        assertThat(alice.nextFrame()).isEqualTo(new ServerFrame.Presence("den", "bob", PresenceEvent.JOIN, null, null));

        den.tell(new RoomActor.Leave(alice.ref(), "l1"));
        den.tell(new RoomActor.Leave(bob.ref(), "l2"));
        assertThat(alice.answer()).isEqualTo(new ServerFrame.Left("den", "l1"));
        bob.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        assertThat(bob.nextFrame()).isEqualTo(new ServerFrame.Presence("den", "alice", PresenceEvent.LEAVE, null, null));
        assertThat(bob.nextFrame()).isEqualTo(new ServerFrame.Left("den", "l2"));
        carol.awaitAssert(() -> {
            registry.tell(new RegistryActor.ListRooms(Set.of(), carol.ref(), "r"));
            assertThat(answered(carol)).isEqualTo(new ServerFrame.RoomList(List.of(), "r"));
            return null;
        });

        registry.tell(alice.joinRoom("Den", null, "again"));
        ServerFrame.Joined again = joined(alice);
        assertThat(again.room()).as("a new room, spelled as its new creator spells it").isEqualTo("Den");
        assertThat(again.members()).containsExactly("alice");
    }
}
