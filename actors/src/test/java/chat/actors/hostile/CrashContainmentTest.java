package chat.actors.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.ChatSettings;
import chat.actors.ConnectionEnd;
import chat.actors.RegistryActor;
import chat.actors.room.RoomJournal;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failure in one room, one session or the store is contained: the people it touches are told
 * clearly, nobody is disconnected for a store that fails, the room keeps the right members, nobody
 * is left as a ghost, and other rooms and sessions carry on.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class CrashContainmentTest {

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create();

    private PersistenceTestKit store;
    private ActorRef<RegistryActor.Command> registry;
    private Member alice;
    private Member bob;
    private Member carol;
    private Member dave;

    @BeforeEach
    void fourPeopleInTwoRooms() {
        store = PersistenceTestKit.create(testKit.system());
        ChatSettings settings = ChatSettings.from(ConfigFactory.parseString("chat.heartbeat = 60s\nchat.limits.answer-timeout = 2s\n"
                        + "chat.store.open-timeout = 300ms\nchat.store.restart-backoff.min = 100ms\nchat.store.restart-backoff.max = 200ms")
                .withFallback(testKit.system().settings().config()).resolve());
        registry = testKit.spawn(RegistryActor.create(settings));
        alice = Member.registered(testKit, registry, "alice");
        bob = Member.registered(testKit, registry, "bob");
        carol = Member.registered(testKit, registry, "carol");
        dave = Member.registered(testKit, registry, "dave");
        dave.send("{\"type\":\"leave\",\"room\":\"lobby\"}");
        dave.send("{\"type\":\"join\",\"room\":\"elsewhere\"}");
        alice.frames.receiveSeveralMessages(4, Member.PATIENCE);
        bob.frames.receiveSeveralMessages(3, Member.PATIENCE);
        carol.frames.receiveSeveralMessages(2, Member.PATIENCE);
        dave.frames.receiveSeveralMessages(2, Member.PATIENCE);
    }

    @Test
    void aLineTheStoreFailsToTakeIsRefusedToItsSenderAloneAndTheRoomGoesOnWithItsMembers() {
        store.failNextPersisted(RoomJournal.persistenceId("lobby").id());
        alice.send("{\"type\":\"say\",\"id\":\"s1\",\"room\":\"lobby\",\"text\":\"lost in the store\"}");
        ServerFrame.Error refused = alice.receive(ServerFrame.Error.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.re()).isEqualTo("s1");
        assertThat(refused.message()).isEqualTo("the chat store is unavailable, your line was not sent; try again in a moment");
        bob.frames.expectNoMessage();
        alice.assertAlive("still connected");

        bob.send("{\"type\":\"say\",\"id\":\"s2\",\"room\":\"lobby\",\"text\":\"still here?\"}");
        assertThat(bob.receive(ServerFrame.Message.class).re()).isEqualTo("s2");
        ServerFrame.Message seen = carol.receive(ServerFrame.Message.class);
        assertThat(seen.text()).isEqualTo("still here?");
        assertThat(seen.seq()).as("the refused line took no seq").isEqualTo(1);
        assertThat(alice.receive(ServerFrame.Message.class)).isEqualTo(seen);
        carol.send("{\"type\":\"who\",\"id\":\"w\",\"room\":\"lobby\"}");
        assertThat(carol.receive(ServerFrame.Members.class).members()).containsExactly("alice", "bob", "carol");

        dave.send("{\"type\":\"say\",\"id\":\"d\",\"room\":\"elsewhere\",\"text\":\"fine here\"}");
        assertThat(dave.receive(ServerFrame.Message.class).seq()).isEqualTo(1);
    }

    @Test
    void aRoomTheStoreCannotOpenAnswersUnavailableAndOpensOnceTheStoreReadsAgain() {
        String cursed = RoomJournal.persistenceId("cursed").id();
        store.failNextNReads(cursed, 1000);
        alice.send("{\"type\":\"join\",\"id\":\"j1\",\"room\":\"cursed\"}");
        ServerFrame.Error refused = alice.receive(ServerFrame.Error.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.re()).isEqualTo("j1");
        alice.assertAlive("not disconnected");
        bob.assertAlive("untouched");

        store.resetPolicy();
        TestProbe<Object> patience = testKit.createTestProbe();
        patience.awaitAssert(Member.PATIENCE, () -> {
            alice.send("{\"type\":\"join\",\"id\":\"j2\",\"room\":\"cursed\"}");
            assertThat(alice.frames.receiveMessage(Member.PATIENCE)).isInstanceOf(ServerFrame.Joined.class);
            return null;
        });
    }

    @Test
    void aSessionThatFailsLeavesItsRoomsAndFreesItsNickAndNobodyElseNotices() {
        LoggingTestKit.error(NullPointerException.class).expect(testKit.system(), () -> {
            alice.sendWithoutWaiting(null);
            return null;
        });
        assertThat(alice.ends.receiveMessage(Member.PATIENCE)).isInstanceOf(ConnectionEnd.Aborted.class);
        ServerFrame.Presence quit = new ServerFrame.Presence("lobby", "alice", PresenceEvent.QUIT, null, "session failed");
        assertThat(bob.receive(ServerFrame.Presence.class)).isEqualTo(quit);
        assertThat(carol.receive(ServerFrame.Presence.class)).isEqualTo(quit);

        bob.send("{\"type\":\"who\",\"id\":\"w\",\"room\":\"lobby\"}");
        assertThat(bob.receive(ServerFrame.Members.class).members()).containsExactly("bob", "carol");
        Member aliceAgain = Member.registered(testKit, registry, "alice");
        aliceAgain.assertAlive("the nick was free again");
        awaitStats(new RegistryActor.Stats(4, 4, 2));

        dave.assertAlive("untouched");
        dave.frames.expectNoMessage();
    }

    /** The registry learns of a stopped session through its watch, a moment after the session's last words. */
    private void awaitStats(RegistryActor.Stats expected) {
        TestProbe<RegistryActor.Stats> probe = testKit.createTestProbe();
        probe.awaitAssert(Member.PATIENCE, () -> {
            registry.tell(new RegistryActor.GetStats(probe.ref()));
            assertThat(probe.receiveMessage(Member.PATIENCE)).isEqualTo(expected);
            return null;
        });
    }
}
