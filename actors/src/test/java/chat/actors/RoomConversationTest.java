package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.room.Identity;
import chat.actors.room.RoomDirectory;
import chat.actors.room.RoomJournal;
import chat.actors.room.StoreQueries;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One room and the sessions in it, played by probes: what members, strangers and the registry
 * hear when people join twice, speak out of turn, leave, or the room is asked to stop. What the
 * room writes to a member's connection arrives at its {@code offers}, what it tells the session
 * at its {@code replies}.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class RoomConversationTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @JUnit5TestKit
    ActorTestKit testKit = TestSettings.serializingEverything("RoomConversationTest");

    private TestProbe<RegistryActor.RoomStatus> registry;
    private TestProbe<ClusterSharding.ShardCommand> shard;
    /** Stands for the room's next actor, which members are handed over to when sharding stops it. */
    private TestProbe<RoomActor.Command> successor;
    private ActorRef<RoomActor.Command> room;
    private ActorRef<NodeFanOut.Command> fanOut;
    private StoreHoldingWrites store;

    @BeforeEach
    void openRoom() {
        registry = testKit.createTestProbe();
        shard = testKit.createTestProbe();
        successor = testKit.createTestProbe();
        RoomJournal.warmUp(testKit.system());
        store = StoreHoldingWrites.of(testKit.system());
        // Two lines on join, as the room's tests read them.
        fanOut = testKit.spawn(NodeFanOut.create(key -> room, Duration.ofSeconds(1)));
        room = testKit.spawn(RoomActor.create("den", shard.ref(), successor.ref(), directory(), queries(), TestSettings.with("chat.history.on-join = 2")));
    }

    /** The registry's probe hears every status the room gives its own node; the topic, for other nodes, has no reader. */
    private RoomDirectory.Readers directory() {
        return new RoomDirectory.Readers(registry.ref(), testKit.spawn(Topic.create(RegistryActor.RoomStatus.class, "room-directory")));
    }

    private StoreQueries queries() {
        return StoreQueries.of(testKit.system(), PersistenceTestKitReadJournal.Identifier());
    }

    /** {@code nick} joins; its snapshot is on its connection and its session has heard it joined. */
    private RoomMember member(String nick) {
        RoomMember member = new RoomMember(testKit, nick);
        room.tell(member.join(fanOut, "Den", null, null));
        assertThat(member.nextFrame()).isInstanceOf(ServerFrame.Joined.class);
        member.replies.expectMessageClass(SessionActor.RoomJoined.class);
        return member;
    }

    @Test
    void joiningAgainGivesAFreshSnapshotAndNoSecondArrival() {
        RoomMember alice = member("alice");
        RoomMember bob = member("bob");
        alice.nextFrame();
        alice.says(room, "hello");
        bob.nextFrame();

        room.tell(bob.join(fanOut, "Den", null, "again"));

        ServerFrame.Joined snapshot = (ServerFrame.Joined) bob.nextFrame();
        assertThat(snapshot.members()).containsExactly("alice", "bob");
        assertThat(snapshot.history()).extracting(ServerFrame.Message::text).containsExactly("hello");
        assertThat(snapshot.re()).isEqualTo("again");
        bob.replies.expectMessageClass(SessionActor.RoomJoined.class);
        alice.offers.expectNoMessage(QUIET);
        bob.offers.expectNoMessage(Duration.ZERO);
    }

    @Test
    void whoJoinsAgainWhileALineIsBeingStoredGetsItOnceRightAfterTheSnapshot() {
        RoomMember alice = member("alice");
        RoomMember bob = member("bob");
        alice.nextFrame();
        alice.says(room, "first");
        bob.nextFrame();
        store.holdsWrites();
        room.tell(new RoomActor.Say(alice.ref(), "being stored", null));

        room.tell(bob.join(fanOut, "Den", null, "again"));
        ServerFrame.Joined snapshot = (ServerFrame.Joined) bob.nextFrame();
        assertThat(snapshot.history()).as("what is stored so far").extracting(ServerFrame.Message::text)
                .containsExactly("first");
        bob.replies.expectMessageClass(SessionActor.RoomJoined.class);
        store.answers();

        ServerFrame.Message next = (ServerFrame.Message) bob.nextFrame();
        assertThat(next.text()).isEqualTo("being stored");
        assertThat(next.seq()).isEqualTo(snapshot.history().get(0).seq() + 1);
        bob.offers.expectNoMessage(QUIET);
    }

    @Test
    void whatAStrangerSaysRenamesOrSetsReachesNobodyAndEachOfItsRequestsIsAnswered() {
        RoomMember alice = member("alice");
        RoomMember stranger = new RoomMember(testKit, "stranger");

        room.tell(new RoomActor.Say(stranger.ref(), "let me in", "s"));
        room.tell(new RoomActor.Rename(stranger.ref(), "mallory"));
        room.tell(new RoomActor.SetTopic(stranger.ref(), "taken over", "t"));
        room.tell(new RoomActor.Leave(stranger.ref(), "l"));

        ServerFrame.Error notIn = new ServerFrame.Error(ErrorCode.NOT_IN_ROOM, "you are not in room \"Den\"; join it first", null);
        assertThat(stranger.answer()).isEqualTo(new ServerFrame.Error(notIn.code(), notIn.message(), "s"));
        assertThat(stranger.answer()).isEqualTo(new ServerFrame.Error(notIn.code(), notIn.message(), "t"));
        assertThat(stranger.answer()).isEqualTo(new ServerFrame.Left("Den", "l"));
        stranger.replies.expectNoMessage(QUIET);
        stranger.offers.expectNoMessage(Duration.ZERO);
        alice.offers.expectNoMessage(Duration.ZERO);
        room.tell(new RoomActor.Who(alice.ref(), "Den", "w"));
        assertThat(alice.answer()).isEqualTo(new ServerFrame.Members("Den", List.of("alice"), "w"));
        room.tell(new RoomActor.History(alice.ref(), "Den", null, 10, "h"));
        assertThat(alice.answer()).isEqualTo(new ServerFrame.History("Den", List.of(), "h"));
        room.tell(new RoomActor.Quit(stranger.ref(), "gone"));
        room.tell(new RoomActor.Say(alice.ref(), "still serving?", "s2"));
        assertThat(((ServerFrame.Message) alice.nextFrame()).re()).isEqualTo("s2");
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
    }

    @Test
    void whoListsMembersInTheOrderTheyCameUnderTheirCurrentNicks() {
        RoomMember alice = member("alice");
        RoomMember bob = member("bob");
        RoomMember carol = member("carol");
        room.tell(new RoomActor.Rename(alice.ref(), "alicia"));
        room.tell(new RoomActor.Leave(bob.ref(), null));

        room.tell(new RoomActor.Who(carol.ref(), "Den", "w"));
        assertThat(((ServerFrame.Presence) carol.nextFrame()).nick()).isEqualTo("alicia");
        assertThat(((ServerFrame.Presence) carol.nextFrame()).nick()).isEqualTo("bob");
        assertThat(carol.answer()).isEqualTo(new ServerFrame.Members("Den", List.of("alicia", "carol"), "w"));
    }

    @Test
    void theLatestHistoryPageEndsWithTheNewestMessage() {
        RoomMember alice = member("alice");
        for (int i = 1; i <= 5; i++) {
            alice.says(room, "m" + i);
        }
        room.tell(new RoomActor.History(alice.ref(), "Den", null, 2, "h"));
        assertThat(((ServerFrame.History) alice.answer()).messages()).extracting(ServerFrame.Message::text)
                .containsExactly("m4", "m5");
    }

    @Test
    void theRegistryHearsTheMemberCountAndTopicOfEveryChange() {
        RoomMember alice = member("alice");
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class)).as("opened from the store")
                .usingRecursiveComparison().ignoringFields("version", "node")
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 0, "", true, false, 0L, null, false));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .usingRecursiveComparison().ignoringFields("version", "node")
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 1, "", true, false, 0L, null, false));
        member("bob");
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .usingRecursiveComparison().ignoringFields("version", "node")
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 2, "", true, false, 0L, null, false));

        room.tell(new RoomActor.SetTopic(alice.ref(), "plans", "t"));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .usingRecursiveComparison().ignoringFields("version", "node")
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 2, "plans", true, true, 0L, null, false));
        room.tell(new RoomActor.Leave(alice.ref(), null));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .usingRecursiveComparison().ignoringFields("version", "node")
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 1, "plans", true, true, 0L, null, false));
        registry.expectNoMessage(QUIET);
    }

    @Test
    void aRoomWithHistoryOffersToRestInTheStoreWhenTheLastMemberLeaves() {
        RoomMember alice = member("alice");
        alice.says(room, "remember me");
        room.tell(new RoomActor.Leave(alice.ref(), null));
        alice.answer();

        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("opened").isZero();
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).isEqualTo(1);
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).stored())
                .as("the store holds it from its first line, which the directory hears").isTrue();
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).isZero();
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .as("it stays listed, resting in the store")
                .usingRecursiveComparison().ignoringFields("version", "node")
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 0, "", false, true, 0L, null, false));
        Object passivated = shard.expectMessageClass(ClusterSharding.Passivate.class).entity();
        assertThat(passivated).isEqualTo(room);
        room.tell(new RoomActor.Stop());
        registry.expectTerminated(room);
        registry.expectNoMessage(QUIET);
    }

    @Test
    void aStopWithPeopleInTheRoomStopsItAnywayAndHandsThemToItsNextActor() {
        RoomMember alice = member("alice");
        RoomMember bob = member("bob");
        assertThat(alice.nextFrame()).isInstanceOf(ServerFrame.Presence.class);

        room.tell(new RoomActor.Stop());

        registry.expectTerminated(room);
        RoomActor.Handover handover = successor.expectMessageClass(RoomActor.Handover.class);
        assertThat(handover.room()).isEqualTo("Den");
        assertThat(handover.members()).containsExactly(new RoomActor.Returning(alice.ref(), "alice", fanOut, Identity.GUEST),
                new RoomActor.Returning(bob.ref(), "bob", fanOut, Identity.GUEST));
        alice.offers.expectNoMessage(Duration.ZERO);
    }

    @Test
    void aMemberWhoLeftIsNotAnnouncedAgainWhenItsSessionLaterEnds() {
        RoomMember alice = member("alice");
        RoomMember bob = member("bob");
        alice.nextFrame();
        room.tell(new RoomActor.Leave(bob.ref(), null));
        assertThat(alice.nextFrame()).isEqualTo(new ServerFrame.Presence("Den", "bob", PresenceEvent.LEAVE, null, null));

        bob.replies.stop();

        alice.offers.expectNoMessage(QUIET);
    }

    @Test
    void aQuitCarriesTheSessionsReasonToTheOthers() {
        RoomMember alice = member("alice");
        RoomMember bob = member("bob");
        alice.nextFrame();
        room.tell(new RoomActor.Quit(bob.ref(), "ping timeout"));
        assertThat(alice.nextFrame()).isEqualTo(new ServerFrame.Presence("Den", "bob", PresenceEvent.QUIT, null, "ping timeout"));
        bob.offers.expectNoMessage(QUIET);
        bob.replies.expectNoMessage(Duration.ZERO);
    }
}
