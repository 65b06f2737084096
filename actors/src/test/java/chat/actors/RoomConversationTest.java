package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One room and the sessions in it, played by probes: what members, strangers and the registry
 * hear when people join twice, speak out of turn, leave, or the room is asked to stop.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class RoomConversationTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create();

    private TestProbe<RegistryActor.Command> registry;
    private ActorRef<RoomActor.Command> room;

    @BeforeEach
    void openRoom() {
        registry = testKit.createTestProbe();
        RoomJournal.warmUp(testKit.system());
        room = testKit.spawn(RoomActor.create("den", "Den", registry.ref(), queries(), roomSettings(Duration.ZERO)));
    }

    private StoreQueries queries() {
        return StoreQueries.of(testKit.system(), PersistenceTestKitReadJournal.Identifier());
    }

    /** Two lines on join, as the room's tests read them. */
    private static ChatSettings roomSettings(Duration deliveryWindow) {
        return TestSettings.with("chat.history.on-join = 2\nchat.delivery-window = " + deliveryWindow.toMillis() + "ms");
    }

    private TestProbe<SessionActor.Reply> member(String nick) {
        TestProbe<SessionActor.Reply> session = testKit.createTestProbe(nick);
        room.tell(new RoomActor.Join(session.ref(), nick, null, null));
        session.expectMessageClass(SessionActor.RoomJoined.class);
        return session;
    }

    private static ServerFrame delivered(TestProbe<SessionActor.Reply> session) {
        return Frames.single(session.expectMessageClass(SessionActor.Deliver.class).frame());
    }

    private static ServerFrame answered(TestProbe<SessionActor.Reply> session) {
        return Frames.single(session.expectMessageClass(SessionActor.Answer.class).frame());
    }

    /** The next answer to {@code session}, passing over what the room delivered before it. */
    private static ServerFrame answerAfterDeliveries(TestProbe<SessionActor.Reply> session) {
        while (true) {
            SessionActor.Reply reply = session.receiveMessage();
            if (reply instanceof SessionActor.Answer answer) {
                return Frames.single(answer.frame());
            }
        }
    }

    @Test
    void joiningAgainGivesAFreshSnapshotAndNoSecondArrival() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        TestProbe<SessionActor.Reply> bob = member("bob");
        delivered(alice);
        room.tell(new RoomActor.Say(alice.ref(), "hello", null));
        answered(alice);
        delivered(bob);

        room.tell(new RoomActor.Join(bob.ref(), "bob", null, "again"));

        ServerFrame.Joined snapshot = (ServerFrame.Joined) Frames.single(
                bob.expectMessageClass(SessionActor.RoomJoined.class).frame());
        assertThat(snapshot.members()).containsExactly("alice", "bob");
        assertThat(snapshot.history()).extracting(ServerFrame.Message::text).containsExactly("hello");
        assertThat(snapshot.re()).isEqualTo("again");
        alice.expectNoMessage(QUIET);
        bob.expectNoMessage(Duration.ZERO);
    }

    @Test
    void whoJoinsAgainWhileLinesWaitForTheWindowGetsThemInTheSnapshotAndNotOnceMore() {
        room = testKit.spawn(RoomActor.create("busy", "Busy", registry.ref(), queries(), roomSettings(Duration.ofMillis(600))));
        TestProbe<SessionActor.Reply> alice = member("alice");
        TestProbe<SessionActor.Reply> bob = member("bob");
        delivered(alice);
        room.tell(new RoomActor.Say(alice.ref(), "first", null));
        answered(alice);
        delivered(bob);
        room.tell(new RoomActor.Say(alice.ref(), "waits for the window", null));
        answered(alice);

        room.tell(new RoomActor.Join(bob.ref(), "bob", null, "again"));
        ServerFrame.Joined snapshot = (ServerFrame.Joined) Frames.single(
                bob.expectMessageClass(SessionActor.RoomJoined.class).frame());
        assertThat(snapshot.history()).extracting(ServerFrame.Message::text).containsExactly("first", "waits for the window");

        bob.expectNoMessage(Duration.ofSeconds(1));
    }

    @Test
    void whatAStrangerSaysRenamesOrSetsReachesNobodyAndEachOfItsRequestsIsAnswered() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        TestProbe<SessionActor.Reply> stranger = testKit.createTestProbe("stranger");

        room.tell(new RoomActor.Say(stranger.ref(), "let me in", "s"));
        room.tell(new RoomActor.Rename(stranger.ref(), "mallory"));
        room.tell(new RoomActor.SetTopic(stranger.ref(), "taken over", "t"));
        room.tell(new RoomActor.Leave(stranger.ref(), "l"));

        ServerFrame.Error notIn = new ServerFrame.Error(ErrorCode.NOT_IN_ROOM, "you are not in room \"Den\"; join it first", null);
        assertThat(answered(stranger)).isEqualTo(new ServerFrame.Error(notIn.code(), notIn.message(), "s"));
        assertThat(answered(stranger)).isEqualTo(new ServerFrame.Error(notIn.code(), notIn.message(), "t"));
        assertThat(answered(stranger)).isEqualTo(new ServerFrame.Left("Den", "l"));
        stranger.expectNoMessage(QUIET);
        alice.expectNoMessage(Duration.ZERO);
        room.tell(new RoomActor.Who(alice.ref(), "w"));
        assertThat(answered(alice)).isEqualTo(new ServerFrame.Members("Den", List.of("alice"), "w"));
        room.tell(new RoomActor.History(alice.ref(), null, 10, "h"));
        assertThat(answered(alice)).isEqualTo(new ServerFrame.History("Den", List.of(), "h"));
        room.tell(new RoomActor.Quit(stranger.ref(), "gone"));
        room.tell(new RoomActor.Say(alice.ref(), "still serving?", "s2"));
        assertThat(((ServerFrame.Message) answered(alice)).re()).isEqualTo("s2");
    }

    @Test
    void whoListsMembersInTheOrderTheyCameUnderTheirCurrentNicks() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        TestProbe<SessionActor.Reply> bob = member("bob");
        member("carol");
        room.tell(new RoomActor.Rename(alice.ref(), "alicia"));
        room.tell(new RoomActor.Leave(bob.ref(), null));

        room.tell(new RoomActor.Who(alice.ref(), "w"));
        ServerFrame.Members members = (ServerFrame.Members) answerAfterDeliveries(alice);
        assertThat(members).isEqualTo(new ServerFrame.Members("Den", List.of("alicia", "carol"), "w"));
    }

    @Test
    void theLatestHistoryPageEndsWithTheNewestMessage() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        for (int i = 1; i <= 5; i++) {
            room.tell(new RoomActor.Say(alice.ref(), "m" + i, null));
            answered(alice);
        }
        room.tell(new RoomActor.History(alice.ref(), null, 2, "h"));
        assertThat(((ServerFrame.History) answered(alice)).messages()).extracting(ServerFrame.Message::text)
                .containsExactly("m4", "m5");
    }

    @Test
    void theRegistryHearsTheMemberCountAndTopicOfEveryChange() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class)).as("opened from the store")
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 0, ""));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 1, ""));
        member("bob");
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 2, ""));

        room.tell(new RoomActor.SetTopic(alice.ref(), "plans", "t"));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 2, "plans"));
        room.tell(new RoomActor.Leave(alice.ref(), null));
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class))
                .isEqualTo(new RegistryActor.RoomStatus("den", "Den", 1, "plans"));
        registry.expectNoMessage(QUIET);
    }

    @Test
    void aRoomWithHistoryOffersToRestInTheStoreWhenTheLastMemberLeaves() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        room.tell(new RoomActor.Say(alice.ref(), "remember me", null));
        answered(alice);
        room.tell(new RoomActor.Leave(alice.ref(), null));
        answered(alice);

        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).as("opened").isZero();
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).isEqualTo(1);
        assertThat(registry.expectMessageClass(RegistryActor.RoomStatus.class).members()).isZero();
        RegistryActor.RoomIdle idle = registry.expectMessageClass(RegistryActor.RoomIdle.class);
        assertThat(idle.stored()).as("it stays listed, resting in the store").isTrue();
        registry.expectNoMessage(QUIET);
    }

    @Test
    void aStopAlwaysStopsTheRoomSoThatTheRegistryNeverStartsASecondWriterOfItsJournal() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        room.tell(new RoomActor.Leave(alice.ref(), null));
        registry.expectMessageClass(RegistryActor.RoomStatus.class);
        registry.expectMessageClass(RegistryActor.RoomStatus.class);
        registry.expectMessageClass(RegistryActor.RoomStatus.class);
        registry.expectMessageClass(RegistryActor.RoomIdle.class);

        room.tell(new RoomActor.Stop());

        registry.expectTerminated(room);
    }

    @Test
    void aMemberWhoLeftIsNotAnnouncedAgainWhenItsSessionLaterEnds() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        TestProbe<SessionActor.Reply> bob = member("bob");
        delivered(alice);
        room.tell(new RoomActor.Leave(bob.ref(), null));
        assertThat(delivered(alice)).isEqualTo(new ServerFrame.Presence("Den", "bob", PresenceEvent.LEAVE, null, null));

        bob.stop();

        alice.expectNoMessage(QUIET);
    }

    @Test
    void aQuitCarriesTheSessionsReasonToTheOthers() {
        TestProbe<SessionActor.Reply> alice = member("alice");
        TestProbe<SessionActor.Reply> bob = member("bob");
        delivered(alice);
        room.tell(new RoomActor.Quit(bob.ref(), "ping timeout"));
        assertThat(delivered(alice)).isEqualTo(new ServerFrame.Presence("Den", "bob", PresenceEvent.QUIT, null, "ping timeout"));
        bob.expectNoMessage(QUIET);
    }
}
