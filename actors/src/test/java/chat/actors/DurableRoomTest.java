package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import chat.actors.room.RoomJournal;
import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.persistence.testkit.JournalOperation;
import org.apache.pekko.persistence.testkit.ProcessingPolicy;
import org.apache.pekko.persistence.testkit.ProcessingResult;
import org.apache.pekko.persistence.testkit.ProcessingSuccess;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What storing rooms changes for the people in them: lines said together are stored together,
 * a room without members rests in the store and comes back as it was, and a registry started
 * anew (a restarted server) finds every stored room.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class DurableRoomTest {

    @JUnit5TestKit
    ActorTestKit testKit = TestSettings.serializingEverything("DurableRoomTest");

    /** The number of events in each write the journal received, in order. */
    private final List<Integer> writes = new CopyOnWriteArrayList<>();
    private ChatSettings settings;

    @BeforeEach
    void countWrites() {
        PersistenceTestKit.create(testKit.system()).withPolicy(new ProcessingPolicy<JournalOperation>() {
            @Override
            public ProcessingResult tryProcess(String persistenceId, JournalOperation operation) {
                if (operation instanceof WriteEvents write) {
                    writes.add(write.getBatch().size());
                }
                return ProcessingSuccess.getInstance();
            }
        });
        settings = TestSettings.with("chat.default-room = \"\"\nchat.limits.rate = 1000\nchat.limits.burst = 1000");
    }

    @Test
    void linesSaidWhileAWriteIsOnItsWayAreStoredTogetherAndAnsweredInOrder() {
        ActorRef<RegistryActor.Command> registry = testKit.spawn(RegistryActor.create(settings));
        RoomMember alice = new RoomMember(testKit, "alice");
        registry.tell(alice.joinRoom("busy", null, null));
        RecipientRef<RoomActor.Command> room = alice.hearsJoined();
        assertThat(alice.nextFrame()).isInstanceOf(ServerFrame.Joined.class);

        int lines = 200;
        for (int i = 1; i <= lines; i++) {
            room.tell(new RoomActor.Say(alice.ref(), "line " + i, "s" + i));
        }
        List<ServerFrame.Message> echoes = new ArrayList<>();
        int offers = 0;
        while (echoes.size() < lines) {
            alice.nextOffer().stream().map(ServerFrame.Message.class::cast).forEach(echoes::add);
            offers++;
        }
        for (int i = 1; i <= lines; i++) {
            alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        }

        assertThat(echoes).extracting(ServerFrame.Message::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, lines).mapToObj(Long::valueOf).toList());
        assertThat(echoes).extracting(ServerFrame.Message::re)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, lines).mapToObj(i -> "s" + i).toList());
        assertThat(writes.stream().mapToInt(Integer::intValue).sum()).as("the room opened, then every line")
                .isEqualTo(lines + 1);
        assertThat(writes.size()).as("writes for %d lines said at once", lines).isLessThan(lines / 4);
        assertThat(offers).as("one offer to the connection per write, the room's opening stored with the first line")
                .isEqualTo(writes.size());
        alice.offers.expectNoMessage(Duration.ofMillis(100));
        alice.replies.expectNoMessage(Duration.ofMillis(100));
    }

    /**
     * A write the store failed may still have reached it, so its sender is answered only once the
     * journal is back and knows (here after its 2 s restart backoff); a line said meanwhile is
     * refused at once instead of waiting in the dark. The lost line is seen by nobody.
     */
    @Test
    void whileAFailedWriteIsBeingCheckedNewLinesAreRefusedAtOnce() {
        settings = TestSettings.with("chat.default-room = \"\"\nchat.store.restart-backoff.min = 2s\n"
                + "chat.store.restart-backoff.max = 2s");
        ActorRef<RegistryActor.Command> registry = testKit.spawn(RegistryActor.create(settings));
        RoomMember alice = new RoomMember(testKit, "alice");
        RoomMember bob = new RoomMember(testKit, "bob");
        registry.tell(alice.joinRoom("desk", null, null));
        RecipientRef<RoomActor.Command> room = alice.hearsJoined();
        assertThat(alice.nextFrame()).isInstanceOf(ServerFrame.Joined.class);
        registry.tell(bob.joinRoom("desk", null, null));
        bob.replies.expectMessageClass(SessionActor.RoomJoined.class);
        assertThat(bob.nextFrame()).isInstanceOf(ServerFrame.Joined.class);
        assertThat(alice.nextFrame()).isInstanceOf(ServerFrame.Presence.class);

        PersistenceTestKit.create(testKit.system()).failNextPersisted(RoomJournal.persistenceId("desk").id());
        room.tell(new RoomActor.Say(alice.ref(), "lost", "s1"));
        alice.replies.expectNoMessage(Duration.ofMillis(300));
        alice.offers.expectNoMessage(Duration.ZERO);
        room.tell(new RoomActor.Say(bob.ref(), "said while the store is checked", "s2"));
        ServerFrame.Error refused = (ServerFrame.Error) bob.replies
                .expectMessageClass(SessionActor.Answer.class, Duration.ofSeconds(1)).frame();
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.re()).isEqualTo("s2");

        ServerFrame.Error notStored = (ServerFrame.Error) alice.replies
                .expectMessageClass(SessionActor.Answer.class, Duration.ofSeconds(5)).frame();
        assertThat(notStored.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(notStored.re()).isEqualTo("s1");
        bob.replies.expectNoMessage(Duration.ofMillis(200));
        bob.offers.expectNoMessage(Duration.ZERO);
        alice.offers.expectNoMessage(Duration.ZERO);
    }

    @Test
    void aRoomWithoutMembersRestsInTheStoreAndTheNextJoinBringsItBackAsItWas() {
        ActorRef<RegistryActor.Command> registry = testKit.spawn(RegistryActor.create(settings));
        RoomMember alice = new RoomMember(testKit, "alice");
        registry.tell(alice.joinRoom("Notes", null, null));
        RecipientRef<RoomActor.Command> room = alice.hearsJoined();
        String epoch = ((ServerFrame.Joined) alice.nextFrame()).epoch();
        room.tell(new RoomActor.SetTopic(alice.ref(), "groceries", null));
        assertThat(alice.nextFrame()).isInstanceOf(ServerFrame.Topic.class);
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        alice.says(room, "remember the milk");
        room.tell(new RoomActor.Leave(alice.ref(), null));
        assertThat(alice.answer()).isInstanceOf(ServerFrame.Left.class);
        awaitRoomsInUse(registry, 0);

        RoomMember bob = new RoomMember(testKit, "bob");
        registry.tell(bob.joinRoom("notes", null, null));
        bob.replies.expectMessageClass(SessionActor.RoomJoined.class);
        ServerFrame.Joined back = (ServerFrame.Joined) bob.nextFrame();
        assertThat(back.room()).as("the name as its creator spelled it").isEqualTo("Notes");
        assertThat(back.topic()).isEqualTo("groceries");
        assertThat(back.epoch()).as("the same history").isEqualTo(epoch);
        assertThat(back.history()).extracting(ServerFrame.Message::text).containsExactly("remember the milk");
    }

    @Test
    void aRegistryStartedAnewListsEveryStoredRoomWithItsTopicAndNoneWithout() {
        ActorRef<RegistryActor.Command> before = testKit.spawn(RegistryActor.create(settings));
        RoomMember alice = new RoomMember(testKit, "alice");
        for (String name : List.of("Kitchen", "Garden", "Empty")) {
            before.tell(alice.joinRoom(name, null, null));
            RecipientRef<RoomActor.Command> room = alice.hearsJoined();
            if (!name.equals("Empty")) {
                room.tell(new RoomActor.SetTopic(alice.ref(), "about the " + name.toLowerCase(), null));
                alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
            }
        }
        testKit.stop(before);

        ActorRef<RegistryActor.Command> after = testKit.spawn(RegistryActor.create(settings));
        RoomMember bob = new RoomMember(testKit, "bob");
        // The rooms, which outlive the first registry, may still be telling the directory that alice left them.
        bob.replies.awaitAssert(() -> {
            after.tell(new RegistryActor.ListRooms(Set.of(), bob.ref(), "r"));
            ServerFrame.RoomList list = (ServerFrame.RoomList) bob.answer();
            assertThat(list.rooms()).containsExactly(
                    new ServerFrame.RoomSummary("Garden", 0, "about the garden"),
                    new ServerFrame.RoomSummary("Kitchen", 0, "about the kitchen"));
            return null;
        });
    }

    @Test
    void retentionDeletesOldMessagesForRealAndTheRoomStaysListedWithItsTopic() {
        ChatSettings keepTen = TestSettings.with("chat.default-room = \"\"\nchat.history.retention.keep-messages = 10\n"
                + "chat.store.snapshot-every = 5");
        ActorRef<RegistryActor.Command> registry = testKit.spawn(RegistryActor.create(keepTen));
        RoomMember alice = new RoomMember(testKit, "alice");
        registry.tell(alice.joinRoom("log", null, null));
        RecipientRef<RoomActor.Command> room = alice.hearsJoined();
        assertThat(alice.nextFrame()).isInstanceOf(ServerFrame.Joined.class);
        room.tell(new RoomActor.SetTopic(alice.ref(), "kept short", null));
        assertThat(alice.nextFrame()).isInstanceOf(ServerFrame.Topic.class);
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        for (int i = 1; i <= 60; i++) {
            alice.says(room, "line " + i);
        }

        alice.replies.awaitAssert(() -> {
            room.tell(new RoomActor.History(alice.ref(), null, 30L, 50, "old"));
            ServerFrame.History old = (ServerFrame.History) alice.answer();
            assertThat(old.messages()).as("lines 1 to 29 are gone from the store").isEmpty();
            return null;
        });
        room.tell(new RoomActor.History(alice.ref(), null, null, 10, "new"));
        ServerFrame.History kept = (ServerFrame.History) alice.answer();
        assertThat(kept.messages()).extracting(ServerFrame.Message::seq)
                .containsExactly(51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L);
        RoomMember bob = new RoomMember(testKit, "bob");
        room.tell(bob.join(testKit.spawn(NodeFanOut.create(key -> room, Duration.ofSeconds(1))), "log", 0L, null));
        bob.replies.expectMessageClass(SessionActor.RoomJoined.class);
        ServerFrame.Joined sinceTheStart = (ServerFrame.Joined) bob.nextFrame();
        assertThat(sinceTheStart.history()).as("since 0 reaches back as far as retention keeps").hasSize(10);

        testKit.stop(registry);
        ActorRef<RegistryActor.Command> restarted = testKit.spawn(RegistryActor.create(keepTen));
        restarted.tell(new RegistryActor.ListRooms(Set.of(), bob.ref(), "r"));
        ServerFrame.RoomList list = (ServerFrame.RoomList) bob.answer();
        assertThat(list.rooms()).extracting(ServerFrame.RoomSummary::room, ServerFrame.RoomSummary::topic)
                .containsExactly(tuple("log", "kept short"));
    }

    @Test
    void aRoomWhoseTopicCameLateStaysListedOnceRetentionDeletedItsOpening() {
        ChatSettings keepTen = TestSettings.with("chat.default-room = \"\"\nchat.history.retention.keep-messages = 10\n"
                + "chat.store.snapshot-every = 5");
        ActorRef<RegistryActor.Command> registry = testKit.spawn(RegistryActor.create(keepTen));
        RoomMember alice = new RoomMember(testKit, "alice");
        registry.tell(alice.joinRoom("Diary", null, null));
        RecipientRef<RoomActor.Command> room = alice.hearsJoined();
        for (int i = 1; i <= 40; i++) {
            room.tell(new RoomActor.Say(alice.ref(), "entry " + i, null));
            alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        }
        room.tell(new RoomActor.SetTopic(alice.ref(), "written late", null));
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        for (int i = 41; i <= 44; i++) {
            room.tell(new RoomActor.Say(alice.ref(), "entry " + i, null));
            alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        }
        alice.replies.awaitAssert(() -> {
            room.tell(new RoomActor.History(alice.ref(), null, 20L, 50, "old"));
            ServerFrame.History old = (ServerFrame.History) alice.answer();
            assertThat(old.messages()).as("the room's first entries, and its opening with them, are gone").isEmpty();
            return null;
        });
        room.tell(new RoomActor.Leave(alice.ref(), null));
        alice.replies.expectMessage(SessionActor.AnswerWritten.INSTANCE);
        assertThat(alice.skipTo(ServerFrame.Left.class).room()).isEqualTo("Diary");
        alice.offers.expectNoMessage(Duration.ofMillis(100));
        awaitRoomsInUse(registry, 0);

        testKit.stop(registry);
        ActorRef<RegistryActor.Command> restarted = testKit.spawn(RegistryActor.create(keepTen));
        restarted.tell(new RegistryActor.ListRooms(Set.of(), alice.ref(), "r"));
        ServerFrame.RoomList list = (ServerFrame.RoomList) alice.answer();
        assertThat(list.rooms()).containsExactly(new ServerFrame.RoomSummary("Diary", 0, "written late"));
    }

    private void awaitRoomsInUse(ActorRef<RegistryActor.Command> registry, int rooms) {
        TestProbe<RegistryActor.Stats> stats = testKit.createTestProbe();
        stats.awaitAssert(() -> {
            registry.tell(new RegistryActor.GetStats(stats.ref()));
            assertThat(stats.receiveMessage().rooms()).isEqualTo(rooms);
            return null;
        });
    }
}
