package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import chat.actors.room.Identity;
import chat.actors.room.RoomDirectory;
import chat.actors.room.RoomJournal;
import chat.actors.room.StoreQueries;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
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
 * One room and its members' connections: who sees which frame, in which order, and which bytes
 * they share. The room writes to each member's connection itself; what it tells the session
 * (joined, answered) arrives apart, at the member's {@code replies}.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class RoomActorTest {

    private static final String NAME = "Lounge";
    private static final int HISTORY_ON_JOIN = 3;
    /**
     * How long a test watches for a frame that must not come. Everything a room sends is one
     * message away from the probe, so one sent by mistake lands well within this.
     */
    private static final Duration QUIET = Duration.ofMillis(200);
    /** chat.handover-retry, as reference.conf sets it. */
    private static final Duration HANDOVER_RETRY = Duration.ofSeconds(2);

    @JUnit5TestKit
    ActorTestKit testKit = TestSettings.serializingEverything("RoomActorTest");

    private TestProbe<RegistryActor.RoomStatus> registry;
    private TestProbe<ClusterSharding.ShardCommand> shard;
    /** Stands for the room's next actor, which members are handed over to when sharding stops it. */
    private TestProbe<RoomActor.Command> successor;
    private ActorRef<RoomActor.Command> room;
    private ActorRef<NodeFanOut.Command> fanOut;
    /** The members so far, in the order they came: each hears of the next one's arrival. */
    private final List<RoomMember> present = new ArrayList<>();
    private StoreHoldingWrites store;

    @BeforeEach
    void openRoom() {
        RoomJournal.warmUp(testKit.system());
        store = StoreHoldingWrites.of(testKit.system());
        registry = testKit.createTestProbe();
        shard = testKit.createTestProbe();
        successor = testKit.createTestProbe();
        fanOut = testKit.spawn(NodeFanOut.create(key -> room, Duration.ofSeconds(1)));
        room = testKit.spawn(RoomActor.create("lounge", shard.ref(), successor.ref(), directory(), queries(),
                TestSettings.with("chat.history.on-join = " + HISTORY_ON_JOIN)));
    }

    /** The registry's probe hears every status the room gives its own node; the topic, for other nodes, has no reader. */
    private RoomDirectory.Readers directory() {
        return new RoomDirectory.Readers(registry.ref(), testKit.spawn(Topic.create(RegistryActor.RoomStatus.class, "room-directory")));
    }

    private StoreQueries queries() {
        return StoreQueries.of(testKit.system(), PersistenceTestKitReadJournal.Identifier());
    }

    /** {@code nick} joins: its snapshot arrives on its connection, and everyone already there hears of it. */
    private RoomMember enters(String nick) {
        RoomMember member = new RoomMember(testKit, nick);
        room.tell(member.join(fanOut, NAME, null, "join-" + nick));
        assertThat(member.nextFrame()).isInstanceOf(ServerFrame.Joined.class);
        member.replies.expectMessageClass(SessionActor.RoomJoined.class);
        for (RoomMember other : present) {
            assertThat(other.nextFrame()).isEqualTo(presence(nick, PresenceEvent.JOIN, null));
        }
        present.add(member);
        return member;
    }

    /** The room has handled everything told it before: it answers a question only after them. */
    private void roomHasTakenAllSaidSoFar() {
        TestProbe<SessionActor.Command> asker = testKit.createTestProbe();
        room.tell(new RoomActor.Who(asker.ref().narrow(), NAME, null));
        asker.expectMessageClass(SessionActor.Answer.class);
    }

    private static ServerFrame.Presence presence(String nick, PresenceEvent event, String reason) {
        return new ServerFrame.Presence(NAME, nick, event, null, reason);
    }

    private static List<ServerFrame.Message> messages(List<ServerFrame> frames) {
        return frames.stream().map(ServerFrame.Message.class::cast).toList();
    }

    private static ServerFrame.Message message(ServerFrame frame) {
        return (ServerFrame.Message) frame;
    }

    @Test
    void aNewcomerGetsTheSnapshotOnItsConnectionAndTheOthersSeeThemArrive() {
        RoomMember alice = enters("alice");
        RoomMember bob = new RoomMember(testKit, "bob");

        room.tell(bob.join(fanOut, NAME, null, "j1"));

        ServerFrame.Joined snapshot = (ServerFrame.Joined) bob.nextFrame();
        assertThat(snapshot).isEqualTo(new ServerFrame.Joined(NAME, "", List.of("alice", "bob"), List.of(), snapshot.epoch(), "j1"));
        assertThat(snapshot.epoch()).as("a new room's history has an epoch").isNotBlank();
        SessionActor.RoomJoined joined = bob.replies.expectMessageClass(SessionActor.RoomJoined.class);
        assertThat(joined).isEqualTo(new SessionActor.RoomJoined("lounge"));
        assertThat(alice.nextFrame()).isEqualTo(presence("bob", PresenceEvent.JOIN, null));
        bob.offers.expectNoMessage(QUIET);
        alice.offers.expectNoMessage(Duration.ZERO);
    }

    @Test
    void everyListenerGetsTheVerySameBytesAndTheSenderItsEchoWithRe() {
        RoomMember alice = enters("alice");
        RoomMember bob = enters("bob");
        RoomMember carol = enters("carol");

        room.tell(new RoomActor.Say(alice.ref(), "hello all", "s1"));

        RoomMember.Offered toBob = bob.offers.receiveMessage();
        RoomMember.Offered toCarol = carol.offers.receiveMessage();
        assertThat(toCarol.bytes()).as("encoded once for the room").isSameAs(toBob.bytes());
        assertThat(toBob.count()).isEqualTo(1);
        ServerFrame.Message heard = message(Frames.single(toBob.bytes()));
        assertThat(heard.seq()).isEqualTo(1);
        assertThat(heard.from()).isEqualTo("alice");
        assertThat(heard.text()).isEqualTo("hello all");
        assertThat(heard.re()).isNull();
        assertThat(alice.nextFrame()).as("alice's own copy answers her say").isEqualTo(heard.answering("s1"));
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        bob.replies.expectNoMessage(QUIET);
        carol.replies.expectNoMessage(Duration.ZERO);
    }

    @Test
    void inAQuietRoomEachLineGoesOutAloneAsSoonAsItIsStored() {
        RoomMember alice = enters("alice");
        RoomMember bob = enters("bob");

        room.tell(new RoomActor.Say(alice.ref(), "anyone here?", "a1"));
        assertThat(bob.nextFrame()).extracting(frame -> message(frame).text()).isEqualTo("anyone here?");
        assertThat(message(alice.nextFrame()).re()).isEqualTo("a1");
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);

        room.tell(new RoomActor.Say(bob.ref(), "me", "b1"));
        ServerFrame.Message heard = message(alice.nextFrame());
        assertThat(heard.text()).isEqualTo("me");
        assertThat(heard.seq()).isEqualTo(2);
        assertThat(message(bob.nextFrame()).re()).isEqualTo("b1");
        bob.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        alice.offers.expectNoMessage(QUIET);
        bob.offers.expectNoMessage(Duration.ZERO);
    }

    @Test
    void linesSaidWhileALineIsBeingStoredReachEachMemberTogetherInOneOfferInSeqOrder() {
        RoomMember alice = enters("alice");
        RoomMember bob = enters("bob");
        RoomMember dave = enters("dave");
        RoomMember erin = enters("erin");
        store.holdsWrites();

        room.tell(new RoomActor.Say(alice.ref(), "first", "a1"));
        room.tell(new RoomActor.Say(bob.ref(), "second", "b1"));
        room.tell(new RoomActor.Say(alice.ref(), "third", "a2"));
        roomHasTakenAllSaidSoFar();
        dave.offers.expectNoMessage(QUIET);
        alice.replies.expectNoMessage(Duration.ZERO);
        store.answers();

        // The first line was on its way alone; the two said meanwhile were stored together after it.
        RoomMember.Offered firstToDave = dave.offers.receiveMessage();
        assertThat(messages(firstToDave.frames())).extracting(ServerFrame.Message::text, ServerFrame.Message::seq)
                .containsExactly(tuple("first", 1L));
        assertThat(erin.offers.receiveMessage().bytes()).isSameAs(firstToDave.bytes());
        assertThat(bob.offers.receiveMessage().bytes()).as("bob only listened to the first line").isSameAs(firstToDave.bytes());
        assertThat(messages(alice.nextOffer())).extracting(ServerFrame.Message::text, ServerFrame.Message::re)
                .containsExactly(tuple("first", "a1"));

        RoomMember.Offered togetherToDave = dave.offers.receiveMessage();
        assertThat(togetherToDave.count()).isEqualTo(2);
        assertThat(messages(togetherToDave.frames()))
                .extracting(ServerFrame.Message::text, ServerFrame.Message::seq, ServerFrame.Message::re)
                .containsExactly(tuple("second", 2L, null), tuple("third", 3L, null));
        assertThat(erin.offers.receiveMessage().bytes()).as("every listener gets the very same bytes")
                .isSameAs(togetherToDave.bytes());
        assertThat(messages(bob.nextOffer())).as("bob's copy answers his line, and only his")
                .extracting(ServerFrame.Message::text, ServerFrame.Message::re)
                .containsExactly(tuple("second", "b1"), tuple("third", null));
        assertThat(messages(alice.nextOffer())).as("alice's copy answers her line, and only hers")
                .extracting(ServerFrame.Message::text, ServerFrame.Message::re)
                .containsExactly(tuple("second", null), tuple("third", "a2"));

        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        bob.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        for (RoomMember member : present) {
            member.offers.expectNoMessage(QUIET);
        }
        dave.replies.expectNoMessage(Duration.ZERO);
        erin.replies.expectNoMessage(Duration.ZERO);
    }

    @Test
    void aTopicSetWhileALineIsBeingStoredGoesOutInItsPlaceAmongTheLinesStoredWithIt() {
        RoomMember alice = enters("alice");
        RoomMember bob = enters("bob");
        store.holdsWrites();

        room.tell(new RoomActor.Say(alice.ref(), "first", "a1"));
        room.tell(new RoomActor.SetTopic(bob.ref(), "Friday plans", "t1"));
        room.tell(new RoomActor.Say(alice.ref(), "after the topic", "a2"));
        roomHasTakenAllSaidSoFar();
        store.answers();

        assertThat(messages(bob.nextOffer())).extracting(ServerFrame.Message::text).containsExactly("first");
        assertThat(messages(alice.nextOffer())).extracting(ServerFrame.Message::re).containsExactly("a1");
        List<ServerFrame> toBob = bob.nextOffer();
        assertThat(toBob.get(0)).isEqualTo(new ServerFrame.Topic(NAME, "Friday plans", "bob", "t1"));
        assertThat(message(toBob.get(1))).extracting(ServerFrame.Message::text, ServerFrame.Message::seq, ServerFrame.Message::re)
                .containsExactly("after the topic", 2L, null);
        List<ServerFrame> toAlice = alice.nextOffer();
        assertThat(toAlice.get(0)).isEqualTo(new ServerFrame.Topic(NAME, "Friday plans", "bob", null));
        assertThat(message(toAlice.get(1))).isEqualTo(message(toBob.get(1)).answering("a2"));
        assertThat(toAlice).hasSize(2);
        assertThat(toBob).hasSize(2);
        bob.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        bob.offers.expectNoMessage(QUIET);
        alice.offers.expectNoMessage(Duration.ZERO);
    }

    @Test
    void comingAndGoingWhileALineIsBeingStoredTheNewcomerGetsItOnceAfterItsSnapshotAndTheLeaverNothingAfterItsLeft() {
        RoomMember alice = enters("alice");
        RoomMember bob = enters("bob");
        room.tell(new RoomActor.Say(alice.ref(), "before carol", null));
        alice.nextFrame();
        bob.nextFrame();
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        store.holdsWrites();
        room.tell(new RoomActor.Say(alice.ref(), "being stored when carol comes", "a2"));

        RoomMember carol = new RoomMember(testKit, "carol");
        room.tell(carol.join(fanOut, NAME, null, "c"));
        ServerFrame.Joined snapshot = (ServerFrame.Joined) carol.nextFrame();
        assertThat(snapshot.members()).containsExactly("alice", "bob", "carol");
        assertThat(snapshot.history()).as("only what is stored").extracting(ServerFrame.Message::text)
                .containsExactly("before carol");
        carol.replies.expectMessageClass(SessionActor.RoomJoined.class);
        room.tell(new RoomActor.Leave(bob.ref(), "bye"));
        bob.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        assertThat(bob.nextFrame()).as("before he left").isEqualTo(presence("carol", PresenceEvent.JOIN, null));
        assertThat(bob.nextFrame()).isEqualTo(new ServerFrame.Left(NAME, "bye"));
        store.answers();

        assertThat(alice.nextFrame()).isEqualTo(presence("carol", PresenceEvent.JOIN, null));
        assertThat(alice.nextFrame()).isEqualTo(presence("bob", PresenceEvent.LEAVE, null));
        ServerFrame.Message echo = message(alice.nextFrame());
        assertThat(echo.text()).isEqualTo("being stored when carol comes");
        assertThat(echo.re()).isEqualTo("a2");
        assertThat(carol.nextFrame()).isEqualTo(presence("bob", PresenceEvent.LEAVE, null));
        assertThat(carol.nextFrame()).as("carol hears the line her snapshot did not hold").isEqualTo(echo.answering(null));
        assertThat(echo.seq()).isEqualTo(snapshot.history().get(0).seq() + 1);
        bob.offers.expectNoMessage(QUIET);
        carol.offers.expectNoMessage(Duration.ZERO);
        alice.offers.expectNoMessage(Duration.ZERO);
    }

    @Test
    void seqGrowsByOneAndAJoinWithSinceGetsExactlyWhatWasMissed() {
        RoomMember alice = enters("alice");
        for (int i = 1; i <= 5; i++) {
            assertThat(alice.says(room, "m" + i).seq()).isEqualTo(i);
        }

        RoomMember bob = new RoomMember(testKit, "bob");
        room.tell(bob.join(fanOut, NAME, 2L, null));
        ServerFrame.Joined joined = (ServerFrame.Joined) bob.nextFrame();
        assertThat(joined.history()).extracting(ServerFrame.Message::text).containsExactly("m3", "m4", "m5");

        RoomMember carol = new RoomMember(testKit, "carol");
        room.tell(carol.join(fanOut, NAME, null, null));
        ServerFrame.Joined plain = (ServerFrame.Joined) carol.nextFrame();
        assertThat(plain.history()).hasSize(HISTORY_ON_JOIN).last().extracting(ServerFrame.Message::seq).isEqualTo(5L);
    }

    @Test
    void historyPagesBackwardsOldestFirst() {
        RoomMember alice = enters("alice");
        for (int i = 1; i <= 10; i++) {
            alice.says(room, "m" + i);
        }
        room.tell(new RoomActor.History(alice.ref(), NAME, 6L, 3, "h"));
        ServerFrame.History page = (ServerFrame.History) alice.answer();
        assertThat(page.messages()).extracting(ServerFrame.Message::seq).containsExactly(3L, 4L, 5L);
        assertThat(page.re()).isEqualTo("h");
    }

    @Test
    void aMembersListIsWrittenInItsPlaceSoThePresenceAfterItIsNotAlreadyInIt() {
        RoomMember alice = enters("alice");

        room.tell(new RoomActor.Who(alice.ref(), NAME, "w"));
        RoomMember bob = new RoomMember(testKit, "bob");
        room.tell(bob.join(fanOut, NAME, null, null));

        assertThat(alice.nextFrame()).isEqualTo(new ServerFrame.Members(NAME, List.of("alice"), "w"));
        assertThat(alice.nextFrame()).isEqualTo(presence("bob", PresenceEvent.JOIN, null));
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
    }

    @Test
    void aMemberWhoseSessionDiesLeavesWithQuitAndNoGhost() {
        RoomMember alice = enters("alice");
        RoomMember ghost = enters("ghost");

        ghost.replies.stop();

        assertThat(alice.nextFrame()).isEqualTo(presence("ghost", PresenceEvent.QUIT, "connection lost"));
        room.tell(new RoomActor.Who(alice.ref(), NAME, "w"));
        assertThat(alice.answer()).isEqualTo(new ServerFrame.Members(NAME, List.of("alice"), "w"));
        room.tell(new RoomActor.Say(alice.ref(), "alone now", null));
        alice.nextFrame();
        ghost.offers.expectNoMessage(QUIET);
    }

    @Test
    void theTopicGoesToEveryoneTheSettersCopyWithReAndARenameToTheOthers() {
        RoomMember alice = enters("alice");
        RoomMember bob = enters("bob");

        room.tell(new RoomActor.SetTopic(alice.ref(), "Friday plans", "t"));
        assertThat(alice.nextFrame()).isEqualTo(new ServerFrame.Topic(NAME, "Friday plans", "alice", "t"));
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        assertThat(bob.nextFrame()).isEqualTo(new ServerFrame.Topic(NAME, "Friday plans", "alice", null));

        room.tell(new RoomActor.Rename(bob.ref(), "robert"));
        assertThat(alice.nextFrame()).isEqualTo(new ServerFrame.Presence(NAME, "robert", PresenceEvent.RENAME, "bob", null));
        bob.offers.expectNoMessage(QUIET);
        bob.replies.expectNoMessage(Duration.ZERO);
    }

    @Test
    void aRoomLeftEmptyWithoutHistoryAsksToBePassivatedAndIsForgottenWhenItStops() {
        RoomMember alice = enters("alice");
        room.tell(new RoomActor.Leave(alice.ref(), "l"));
        assertThat(alice.answer()).isEqualTo(new ServerFrame.Left(NAME, "l"));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("opened").isZero();
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("alice came").isEqualTo(1);
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("alice left").isZero();
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .as("nothing was said, so the room need not stay listed")
                .usingRecursiveComparison().ignoringFields("version", "node")
                .isEqualTo(new RegistryActor.RoomStatus("lounge", NAME, 0, "", false, false, 0L, null, false));
        Object passivated = shard.expectMessageClass(ClusterSharding.Passivate.class).entity();
        assertThat(passivated).isEqualTo(room);

        room.tell(new RoomActor.Stop());
        registry.expectTerminated(room);
        successor.expectNoMessage(Duration.ZERO);
        alice.offers.expectNoMessage(Duration.ZERO);
    }

    /**
     * The room's actor died with its node: each node that lives hands its members to the room's
     * next actor, with the last line they have and everyone it knew to be in the room, those on
     * other nodes too.
     */
    @Test
    void whenTheRoomsActorDiesTheNodeHandsItsMembersToTheNextOneWithEveryoneItKnewInTheRoom() {
        RoomMember alice = enters("alice");
        RoomMember bob = enters("bob");
        RoomMember carol = new RoomMember(testKit, "carol");
        room.tell(carol.join(testKit.spawn(NodeFanOut.create(key -> room, Duration.ofSeconds(1))), NAME, null, "j"));
        assertThat(alice.nextFrame()).isEqualTo(presence("carol", PresenceEvent.JOIN, null));
        assertThat(bob.nextFrame()).isEqualTo(presence("carol", PresenceEvent.JOIN, null));
        alice.says(room, "hello");
        bob.nextFrame();

        ActorRef<RoomActor.Command> dying = room;
        // The fan-outs find the room by its key: from now on, that is its next actor.
        room = successor.ref();
        testKit.stop(dying);

        List<RoomActor.Handover> handovers = successor.receiveSeveralMessages(2).stream()
                .map(RoomActor.Handover.class::cast).toList();
        assertThat(handovers).as("one from each node").extracting(handover -> handover.members().stream()
                .map(RoomActor.Returning::nick).sorted().toList())
                .containsExactlyInAnyOrder(List.of("alice", "bob"), List.of("carol"));
        assertThat(handovers).allSatisfy(handover -> {
            assertThat(handover.lastSeq()).isEqualTo(1L);
            assertThat(handover.expected()).containsExactlyInAnyOrder("alice", "bob", "carol");
        });
    }

    /**
     * The room's last actor died with its node and this one took over. Whoever no node hands back
     * in time left with the dead node: the others see them quit, once. One whose node was only
     * late is seen to come back.
     */
    @Test
    void peopleNoNodeHandsBackAfterTheRoomsNodeDiedAreSeenToQuitAndOneHandedBackLateToReturn() {
        RoomMember alice = enters("alice");
        alice.says(room, "before the crash");

        room.tell(new RoomActor.Handover(NAME, null, List.of(new RoomActor.Returning(alice.ref(), "alice", fanOut, Identity.GUEST)), 1L,
                List.of("alice", "bob", "carol")));

        assertThat(List.of(alice.nextFrame(), alice.nextFrame())).as("after chat.handover-retry")
                .containsExactlyInAnyOrder(presence("bob", PresenceEvent.QUIT, "connection lost"),
                        presence("carol", PresenceEvent.QUIT, "connection lost"));

        RoomMember bob = new RoomMember(testKit, "bob");
        fanOut.tell(new NodeFanOut.Attach(bob.ref(), bob.outlet));
        // Bob's node never heard carol quit: it had nobody in the room to tell.
        room.tell(new RoomActor.Handover(NAME, null, List.of(new RoomActor.Returning(bob.ref(), "bob", fanOut, Identity.GUEST)), 1L,
                List.of("alice", "bob", "carol")));
        assertThat(alice.nextFrame()).isEqualTo(presence("bob", PresenceEvent.JOIN, null));
        room.tell(new RoomActor.Who(alice.ref(), NAME, "w"));
        assertThat(alice.answer()).isEqualTo(new ServerFrame.Members(NAME, List.of("alice", "bob"), "w"));
        alice.offers.expectNoMessage(HANDOVER_RETRY.plus(QUIET));
    }

    /** However the store groups them, everyone hears every line once, in seq order, and only its own with re. */
    @Test
    void aBurstFromSeveralPeopleReachesEveryoneInSeqOrderEachSenderSeeingItsOwnLineAnswered() {
        List<RoomMember> talkers = List.of(enters("ann"), enters("ben"), enters("cat"));
        RoomMember listener = enters("dan");

        for (int i = 0; i < talkers.size(); i++) {
            room.tell(new RoomActor.Say(talkers.get(i).ref(), "line " + i, "r" + i));
        }

        assertThat(messagesFrom(listener, 3)).extracting(ServerFrame.Message::seq, ServerFrame.Message::text, ServerFrame.Message::re)
                .containsExactly(tuple(1L, "line 0", null), tuple(2L, "line 1", null), tuple(3L, "line 2", null));
        for (int i = 0; i < talkers.size(); i++) {
            List<ServerFrame.Message> seen = messagesFrom(talkers.get(i), 3);
            assertThat(seen).extracting(ServerFrame.Message::seq).containsExactly(1L, 2L, 3L);
            assertThat(seen.get(i).re()).isEqualTo("r" + i);
            assertThat(seen).filteredOn(message -> message.re() != null).hasSize(1);
            talkers.get(i).replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        }
        for (RoomMember member : present) {
            member.offers.expectNoMessage(QUIET);
            member.replies.expectNoMessage(Duration.ZERO);
        }
    }

    /** The next {@code count} messages written to a member's connection, however many offers they came in. */
    private static List<ServerFrame.Message> messagesFrom(RoomMember member, int count) {
        List<ServerFrame.Message> messages = new ArrayList<>();
        while (messages.size() < count) {
            messages.addAll(messages(member.nextOffer()));
        }
        return messages;
    }
}
