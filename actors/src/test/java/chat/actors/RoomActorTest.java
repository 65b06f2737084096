package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import chat.actors.room.RoomJournal;
import chat.actors.room.StoreQueries;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class RoomActorTest {

    private static final int HISTORY_ON_JOIN = 3;
    /**
     * A busy room's delivery window. Its timer runs on {@link #time}, which only the test moves, so
     * the lines that gather in one window do not depend on how fast this machine is. Whether the
     * room is quiet, though, it judges by its own clock against its last delivery: lines said
     * right after a delivery find it busy as long as the machine does not stall this long.
     */
    private static final Duration BUSY_WINDOW = Duration.ofSeconds(2);
    /**
     * How long a test watches for a frame that must not come. Everything a room sends is one
     * message away from the probe, so one sent by mistake lands well within this.
     */
    private static final Duration QUIET = Duration.ofMillis(200);

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create(ManualTime.config().withFallback(ActorTestKit.applicationTestConfig()));

    private ManualTime time;

    private TestProbe<RegistryActor.Command> registry;
    private ActorRef<RoomActor.Command> room;

    @BeforeEach
    void openRoom() {
        time = ManualTime.get(testKit.system());
        RoomJournal.warmUp(testKit.system());
        registry = testKit.createTestProbe();
        room = testKit.spawn(RoomActor.create("lounge", "Lounge", registry.ref(), queries(), roomSettings(Duration.ZERO)));
    }

    /** A room that delivers at most once per {@link #BUSY_WINDOW}, long enough to see lines gather. */
    private ActorRef<RoomActor.Command> busyRoom() {
        return testKit.spawn(RoomActor.create("busy", "Busy", registry.ref(), queries(), roomSettings(BUSY_WINDOW)));
    }

    private StoreQueries queries() {
        return StoreQueries.of(testKit.system(), PersistenceTestKitReadJournal.Identifier());
    }

    private static ChatSettings roomSettings(Duration deliveryWindow) {
        return TestSettings.with("chat.history.on-join = " + HISTORY_ON_JOIN + "\nchat.delivery-window = " + deliveryWindow.toMillis() + "ms");
    }

    private TestProbe<SessionActor.Reply> member(String nick, Long since) {
        TestProbe<SessionActor.Reply> session = testKit.createTestProbe(nick);
        room.tell(new RoomActor.Join(session.ref(), nick, since, "join-" + nick));
        session.expectMessageClass(SessionActor.RoomJoined.class);
        return session;
    }

    private static ServerFrame delivered(TestProbe<SessionActor.Reply> session) {
        return Frames.single(session.expectMessageClass(SessionActor.Deliver.class).frame());
    }

    private static ServerFrame answered(TestProbe<SessionActor.Reply> session) {
        return Frames.single(session.expectMessageClass(SessionActor.Answer.class).frame());
    }

    @Test
    void aNewcomerGetsTheSnapshotAndTheOthersSeeThemArrive() {
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        TestProbe<SessionActor.Reply> bob = testKit.createTestProbe();
        room.tell(new RoomActor.Join(bob.ref(), "bob", null, "j1"));

        SessionActor.RoomJoined joined = bob.expectMessageClass(SessionActor.RoomJoined.class);
        assertThat(joined.roomKey()).isEqualTo("lounge");
        ServerFrame.Joined snapshot = (ServerFrame.Joined) Frames.single(joined.frame());
        assertThat(snapshot).isEqualTo(new ServerFrame.Joined("Lounge", "", List.of("alice", "bob"), List.of(), snapshot.epoch(), "j1"));
        assertThat(snapshot.epoch()).as("a new room's history has an epoch").isNotBlank();
        assertThat(delivered(alice)).isEqualTo(new ServerFrame.Presence("Lounge", "bob", PresenceEvent.JOIN, null, null));
    }

    @Test
    void everyMemberGetsTheVerySameBytesAndTheSenderItsEchoWithRe() {
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        TestProbe<SessionActor.Reply> bob = member("bob", null);
        TestProbe<SessionActor.Reply> carol = member("carol", null);
        alice.receiveSeveralMessages(2);
        bob.receiveSeveralMessages(1);

        room.tell(new RoomActor.Say(alice.ref(), "hello all", "s1"));

        SessionActor.Deliver toBob = bob.expectMessageClass(SessionActor.Deliver.class);
        SessionActor.Deliver toCarol = carol.expectMessageClass(SessionActor.Deliver.class);
        assertThat(toCarol).isSameAs(toBob);
        ServerFrame.Message heard = (ServerFrame.Message) Frames.single(toBob.frame());
        assertThat(heard.seq()).isEqualTo(1);
        assertThat(heard.from()).isEqualTo("alice");
        assertThat(heard.re()).isNull();
        ServerFrame.Message echo = (ServerFrame.Message) answered(alice);
        assertThat(echo).isEqualTo(heard.answering("s1"));
    }

    @Test
    void inABusyRoomLinesSaidWithinTheDeliveryWindowReachEachListenerTogetherAndAQuietRoomWaitsForNothing() {
        room = busyRoom();
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        TestProbe<SessionActor.Reply> bob = member("bob", null);
        TestProbe<SessionActor.Reply> dave = member("dave", null);
        // Alice's own arrival went out at once, to nobody; bob and dave came within the window that began then.
        alice.expectNoMessage(QUIET);
        time.timePasses(BUSY_WINDOW);
        // At its end alice hears of both in one delivery, bob of dave.
        assertThat(Frames.in(alice.expectMessageClass(SessionActor.Deliver.class).frame()))
                .extracting(frame -> ((ServerFrame.Presence) frame).nick()).containsExactly("bob", "dave");
        assertThat(Frames.in(bob.expectMessageClass(SessionActor.Deliver.class).frame()))
                .extracting(frame -> ((ServerFrame.Presence) frame).nick()).containsExactly("dave");
        // The room compares its own clock with the last delivery, which was before alice had it:
        // a window of real time after that the room is quiet.
        dave.expectNoMessage(BUSY_WINDOW);

        room.tell(new RoomActor.Say(alice.ref(), "first, in a quiet room", "a1"));
        // No timer is let run from here on: a room that waited for one would deliver nothing.
        ServerFrame first = Frames.single(dave.expectMessageClass(SessionActor.Deliver.class).frame());
        assertThat(((ServerFrame.Message) first).text()).isEqualTo("first, in a quiet room");
        answered(alice);
        bob.expectMessageClass(SessionActor.Deliver.class);

        room.tell(new RoomActor.Say(bob.ref(), "second", "b1"));
        room.tell(new RoomActor.Say(alice.ref(), "third", "a2"));
        // Each sender is answered at once with what it has not seen yet, and later gets the rest: every line once, in order.
        assertThat(Frames.in(bob.expectMessageClass(SessionActor.Answer.class).frame()))
                .extracting(frame -> ((ServerFrame.Message) frame).re()).containsExactly("b1");
        assertThat(Frames.in(alice.expectMessageClass(SessionActor.Answer.class).frame()))
                .extracting(frame -> ((ServerFrame.Message) frame).text() + "/" + ((ServerFrame.Message) frame).re())
                .containsExactly("second/null", "third/a2");
        dave.expectNoMessage(QUIET);
        time.timePasses(BUSY_WINDOW);
        List<ServerFrame> together = Frames.in(dave.expectMessageClass(SessionActor.Deliver.class).frame());
        assertThat(together).extracting(frame -> ((ServerFrame.Message) frame).text()).containsExactly("second", "third");
        assertThat(together).extracting(frame -> ((ServerFrame.Message) frame).seq()).containsExactly(2L, 3L);
        assertThat(Frames.in(bob.expectMessageClass(SessionActor.Deliver.class).frame()))
                .extracting(frame -> ((ServerFrame.Message) frame).text()).containsExactly("third");
        alice.expectNoMessage(QUIET);
    }

    @Test
    void comingAndGoingDuringABusyWindowNobodyGetsALineTwiceOrMissesOne() {
        room = busyRoom();
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        TestProbe<SessionActor.Reply> bob = member("bob", null);
        time.timePasses(BUSY_WINDOW);
        alice.expectMessageClass(SessionActor.Deliver.class);
        room.tell(new RoomActor.Say(alice.ref(), "before carol", null));
        answered(alice);
        time.timePasses(BUSY_WINDOW);
        bob.expectMessageClass(SessionActor.Deliver.class);
        room.tell(new RoomActor.Say(alice.ref(), "pending when carol comes", null));
        answered(alice);

        TestProbe<SessionActor.Reply> carol = testKit.createTestProbe();
        room.tell(new RoomActor.Join(carol.ref(), "carol", null, null));
        ServerFrame.Joined snapshot = (ServerFrame.Joined) Frames.single(
                carol.expectMessageClass(SessionActor.RoomJoined.class).frame());
        assertThat(snapshot.history()).extracting(ServerFrame.Message::text).containsExactly("before carol", "pending when carol comes");
        room.tell(new RoomActor.Leave(bob.ref(), "bye"));
        assertThat(Frames.in(bob.expectMessageClass(SessionActor.Deliver.class).frame()))
                .as("what happened before bob left reaches him before his left")
                .extracting(frame -> frame instanceof ServerFrame.Message message
                        ? message.text()
                        : ((ServerFrame.Presence) frame).nick() + " " + ((ServerFrame.Presence) frame).event())
                .containsExactly("pending when carol comes", "carol " + PresenceEvent.JOIN);
        assertThat(answered(bob)).isEqualTo(new ServerFrame.Left("Busy", "bye"));

        time.timePasses(BUSY_WINDOW);
        List<ServerFrame> aliceHears = Frames.in(alice.expectMessageClass(SessionActor.Deliver.class).frame());
        assertThat(aliceHears).containsExactly(
                new ServerFrame.Presence("Busy", "carol", PresenceEvent.JOIN, null, null),
                new ServerFrame.Presence("Busy", "bob", PresenceEvent.LEAVE, null, null));
        assertThat(Frames.in(carol.expectMessageClass(SessionActor.Deliver.class).frame()))
                .as("carol's snapshot held the pending line; she hears only of bob leaving")
                .containsExactly(new ServerFrame.Presence("Busy", "bob", PresenceEvent.LEAVE, null, null));
        bob.expectNoMessage(QUIET);
    }

    @Test
    void seqGrowsByOneAndAJoinWithSinceGetsExactlyWhatWasMissed() {
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        for (int i = 1; i <= 5; i++) {
            room.tell(new RoomActor.Say(alice.ref(), "m" + i, null));
            assertThat(((ServerFrame.Message) answered(alice)).seq()).isEqualTo(i);
        }

        TestProbe<SessionActor.Reply> bob = testKit.createTestProbe();
        room.tell(new RoomActor.Join(bob.ref(), "bob", 2L, null));
        ServerFrame.Joined joined = (ServerFrame.Joined) Frames.single(
                bob.expectMessageClass(SessionActor.RoomJoined.class).frame());
        assertThat(joined.history()).extracting(ServerFrame.Message::text).containsExactly("m3", "m4", "m5");

        TestProbe<SessionActor.Reply> carol = testKit.createTestProbe();
        room.tell(new RoomActor.Join(carol.ref(), "carol", null, null));
        ServerFrame.Joined plain = (ServerFrame.Joined) Frames.single(
                carol.expectMessageClass(SessionActor.RoomJoined.class).frame());
        assertThat(plain.history()).hasSize(HISTORY_ON_JOIN).last().extracting(ServerFrame.Message::seq).isEqualTo(5L);
    }

    @Test
    void historyPagesBackwardsOldestFirst() {
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        for (int i = 1; i <= 10; i++) {
            room.tell(new RoomActor.Say(alice.ref(), "m" + i, null));
            answered(alice);
        }
        room.tell(new RoomActor.History(alice.ref(), 6L, 3, "h"));
        ServerFrame.History page = (ServerFrame.History) answered(alice);
        assertThat(page.messages()).extracting(ServerFrame.Message::seq).containsExactly(3L, 4L, 5L);
        assertThat(page.re()).isEqualTo("h");
    }

    @Test
    void aMemberWhoseSessionDiesLeavesWithQuitAndNoGhost() {
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        ActorRef<SessionActor.Reply> doomed = testKit.spawn(Behaviors.receiveMessage(message -> Behaviors.same()));
        room.tell(new RoomActor.Join(doomed, "ghost", null, null));
        assertThat(delivered(alice)).isEqualTo(new ServerFrame.Presence("Lounge", "ghost", PresenceEvent.JOIN, null, null));

        testKit.stop(doomed);

        assertThat(delivered(alice)).isEqualTo(new ServerFrame.Presence("Lounge", "ghost", PresenceEvent.QUIT, null, "connection lost"));
        room.tell(new RoomActor.Who(alice.ref(), "w"));
        assertThat(answered(alice)).isEqualTo(new ServerFrame.Members("Lounge", List.of("alice"), "w"));
    }

    @Test
    void topicGoesToEveryoneAndRenameToTheOthers() {
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        TestProbe<SessionActor.Reply> bob = member("bob", null);
        alice.receiveSeveralMessages(1);

        room.tell(new RoomActor.SetTopic(alice.ref(), "Friday plans", "t"));
        assertThat(answered(alice)).isEqualTo(new ServerFrame.Topic("Lounge", "Friday plans", "alice", "t"));
        assertThat(delivered(bob)).isEqualTo(new ServerFrame.Topic("Lounge", "Friday plans", "alice", null));

        room.tell(new RoomActor.Rename(bob.ref(), "robert"));
        assertThat(delivered(alice)).isEqualTo(new ServerFrame.Presence("Lounge", "robert", PresenceEvent.RENAME, "bob", null));
        bob.expectNoMessage(QUIET);
    }

    @Test
    void aRoomLeftEmptyWithoutHistoryOffersToStop() {
        TestProbe<SessionActor.Reply> alice = member("alice", null);
        room.tell(new RoomActor.Leave(alice.ref(), "l"));
        assertThat(answered(alice)).isEqualTo(new ServerFrame.Left("Lounge", "l"));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("opened").isZero();
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("alice came").isEqualTo(1);
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("alice left").isZero();
        RegistryActor.RoomIdle idle = registry.expectMessageClass(RegistryActor.RoomIdle.class);
        assertThat(idle.joinsSeen()).isEqualTo(1);
        assertThat(idle.stored()).as("nothing was said, so the room need not stay listed").isFalse();

        room.tell(new RoomActor.Stop());
        registry.expectTerminated(room);
    }

    @Test
    void aBurstFromSeveralPeopleReachesEveryoneInSeqOrderEachSenderSeeingItsOwnLineAnswered() {
        List<TestProbe<SessionActor.Reply>> talkers = List.of(member("ann", null), member("ben", null), member("cat", null));
        TestProbe<SessionActor.Reply> listener = member("dan", null);
        for (TestProbe<SessionActor.Reply> talker : talkers) {
            talker.receiveSeveralMessages((int) (talkers.size() - talkers.indexOf(talker)));
        }

        for (int i = 0; i < talkers.size(); i++) {
            room.tell(new RoomActor.Say(talkers.get(i).ref(), "line " + i, "r" + i));
        }

        assertThat(messagesFrom(listener, 3)).extracting(ServerFrame.Message::seq, ServerFrame.Message::re)
                .containsExactly(tuple(1L, null), tuple(2L, null), tuple(3L, null));
        for (int i = 0; i < talkers.size(); i++) {
            List<ServerFrame.Message> seen = messagesFrom(talkers.get(i), 3);
            assertThat(seen).extracting(ServerFrame.Message::seq).containsExactly(1L, 2L, 3L);
            assertThat(seen.get(i).re()).isEqualTo("r" + i);
            assertThat(seen).filteredOn(message -> message.re() != null).hasSize(1);
        }
    }

    /** The next {@code count} messages a member gets, whether they came as deliveries or as its answer. */
    private static List<ServerFrame.Message> messagesFrom(TestProbe<SessionActor.Reply> member, int count) {
        List<ServerFrame.Message> messages = new java.util.ArrayList<>();
        while (messages.size() < count) {
            SessionActor.Reply reply = member.receiveMessage();
            org.apache.pekko.util.ByteString bytes = reply instanceof SessionActor.Deliver delivery
                    ? delivery.frame() : ((SessionActor.Answer) reply).frame();
            Frames.in(bytes).forEach(frame -> messages.add((ServerFrame.Message) frame));
        }
        return messages;
    }
}
