package chat.actors.hostile;

import static chat.actors.Person.OutletKind.READS_AND_HANGS_UP_WHEN_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.ChatSettings;
import chat.actors.ConnectionEnd;
import chat.actors.Person;
import chat.actors.RegistryActor;
import chat.actors.room.RoomJournal;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
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
    private Person alice;
    private Person bob;
    private Person carol;
    private Person dave;

    @BeforeEach
    void fourPeopleInTwoRooms() {
        store = PersistenceTestKit.create(testKit.system());
        ChatSettings settings = ChatSettings.from(ConfigFactory.parseString("chat.heartbeat = 60s\nchat.limits.answer-timeout = 2s\n"
                        + "chat.store.open-timeout = 300ms\nchat.store.write-timeout = 500ms\nchat.store.restart-backoff.min = 100ms\nchat.store.restart-backoff.max = 200ms")
                .withFallback(testKit.system().settings().config()).resolve());
        registry = testKit.spawn(RegistryActor.create(settings));
        alice = Person.registered(testKit, registry, "alice", READS_AND_HANGS_UP_WHEN_CLOSED);
        bob = Person.registered(testKit, registry, "bob", READS_AND_HANGS_UP_WHEN_CLOSED);
        carol = Person.registered(testKit, registry, "carol", READS_AND_HANGS_UP_WHEN_CLOSED);
        dave = Person.registered(testKit, registry, "dave", READS_AND_HANGS_UP_WHEN_CLOSED);
        dave.says("{\"type\":\"leave\",\"room\":\"lobby\"}");
        dave.says("{\"type\":\"join\",\"room\":\"elsewhere\"}");
        alice.frames.receiveSeveralMessages(4, Person.PATIENCE);
        bob.frames.receiveSeveralMessages(3, Person.PATIENCE);
        carol.frames.receiveSeveralMessages(2, Person.PATIENCE);
        dave.frames.receiveSeveralMessages(2, Person.PATIENCE);
    }

    @Test
    void aLineTheStoreFailsToTakeIsRefusedToItsSenderAloneAndTheRoomGoesOnWithItsMembers() {
        store.failNextPersisted(RoomJournal.persistenceId("lobby").id());
        alice.says("{\"type\":\"say\",\"id\":\"s1\",\"room\":\"lobby\",\"text\":\"lost in the store\"}");
        ServerFrame.Error refused = alice.gets(ServerFrame.Error.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.re()).isEqualTo("s1");
        assertThat(refused.message()).isEqualTo("the chat store is unavailable, your line was not sent; try again in a moment");
        bob.frames.expectNoMessage();
        alice.answersPing("still connected");

        bob.says("{\"type\":\"say\",\"id\":\"s2\",\"room\":\"lobby\",\"text\":\"still here?\"}");
        assertThat(bob.gets(ServerFrame.Message.class).re()).isEqualTo("s2");
        ServerFrame.Message seen = carol.gets(ServerFrame.Message.class);
        assertThat(seen.text()).isEqualTo("still here?");
        assertThat(seen.seq()).as("the refused line took no seq").isEqualTo(1);
        assertThat(alice.gets(ServerFrame.Message.class)).isEqualTo(seen);
        carol.says("{\"type\":\"who\",\"id\":\"w\",\"room\":\"lobby\"}");
        assertThat(carol.gets(ServerFrame.Members.class).members()).containsExactly("alice", "bob", "carol");

        dave.says("{\"type\":\"say\",\"id\":\"d\",\"room\":\"elsewhere\",\"text\":\"fine here\"}");
        assertThat(dave.gets(ServerFrame.Message.class).seq()).isEqualTo(1);
    }

    @Test
    void aLineTheStoreRejectsIsRefusedToItsSenderAloneAndTheNextLineTakesTheFirstSeq() {
        store.rejectNextPersisted(RoomJournal.persistenceId("lobby").id());
        alice.says("{\"type\":\"say\",\"id\":\"s1\",\"room\":\"lobby\",\"text\":\"refused by the store\"}");
        ServerFrame.Error refused = alice.gets(ServerFrame.Error.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.re()).isEqualTo("s1");
        bob.frames.expectNoMessage();

        TestProbe<Object> patience = testKit.createTestProbe();
        patience.awaitAssert(Person.PATIENCE, () -> {
            bob.says("{\"type\":\"say\",\"id\":\"s2\",\"room\":\"lobby\",\"text\":\"and now?\"}");
            assertThat(bob.frames.receiveMessage(Person.PATIENCE)).isInstanceOf(ServerFrame.Message.class);
            return null;
        });
        ServerFrame.Message seen = carol.gets(ServerFrame.Message.class);
        assertThat(seen.text()).isEqualTo("and now?");
        assertThat(seen.seq()).as("the rejected line took no seq").isEqualTo(1);
    }

    /**
     * The store takes a write, but only after the write timeout: the sender has been told it may
     * not have been stored, a line said meanwhile is refused, and once the store answers the line is
     * delivered to everyone, the sender too, with its seq; the room then takes lines again.
     */
    @Test
    void aWriteSlowerThanTheTimeoutIsAnsweredAtTheTimeoutAndDeliveredOnceStored() {
        String lobby = RoomJournal.persistenceId("lobby").id();
        CountDownLatch storeMayAnswer = new CountDownLatch(1);
        store.withPolicy(new ProcessingPolicy<JournalOperation>() {
            @Override
            public ProcessingResult tryProcess(String persistenceId, JournalOperation operation) {
                if (persistenceId.equals(lobby) && operation instanceof WriteEvents) {
                    try {
                        // A store that hangs: the journal's own thread waits, the room does not.
                        storeMayAnswer.await(Person.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return ProcessingSuccess.getInstance();
            }
        });
        alice.says("{\"type\":\"say\",\"id\":\"s1\",\"room\":\"lobby\",\"text\":\"slowly stored\"}");
        ServerFrame.Error tooSlow = alice.gets(ServerFrame.Error.class);
        assertThat(tooSlow.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(tooSlow.re()).isEqualTo("s1");
        assertThat(tooSlow.message()).startsWith("the chat store is unavailable or too slow: your line or topic may not have been stored");
        bob.says("{\"type\":\"say\",\"id\":\"s2\",\"room\":\"lobby\",\"text\":\"said while the store hangs\"}");
        ServerFrame.Error refused = bob.gets(ServerFrame.Error.class);
        assertThat(refused.re()).isEqualTo("s2");
        assertThat(refused.message()).isEqualTo("the chat store is unavailable, your line was not sent; try again in a moment");
        carol.frames.expectNoMessage();

        store.resetPolicy();
        storeMayAnswer.countDown();
        for (Person member : List.of(alice, bob, carol)) {
            ServerFrame.Message stored = member.gets(ServerFrame.Message.class);
            assertThat(stored.text()).isEqualTo("slowly stored");
            assertThat(stored.seq()).isEqualTo(1);
            assertThat(stored.re()).as("the sender had its answer already").isNull();
        }
        bob.says("{\"type\":\"say\",\"id\":\"s3\",\"room\":\"lobby\",\"text\":\"back to normal\"}");
        ServerFrame.Message echo = bob.gets(ServerFrame.Message.class);
        assertThat(echo.re()).isEqualTo("s3");
        assertThat(echo.seq()).isEqualTo(2);
    }

    @Test
    void aRoomTheStoreCannotOpenAnswersUnavailableAndOpensOnceTheStoreReadsAgain() {
        String cursed = RoomJournal.persistenceId("cursed").id();
        store.failNextNReads(cursed, 1000);
        LoggingTestKit.warn("room cursed: the store cannot be read").withCheckExcess(false).expect(testKit.system(), () -> {
            alice.says("{\"type\":\"join\",\"id\":\"j1\",\"room\":\"cursed\"}");
            return null;
        });
        ServerFrame.Error refused = alice.gets(ServerFrame.Error.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.re()).isEqualTo("j1");
        alice.answersPing("not disconnected");
        bob.answersPing("untouched");

        store.resetPolicy();
        TestProbe<Object> patience = testKit.createTestProbe();
        patience.awaitAssert(Person.PATIENCE, () -> {
            alice.says("{\"type\":\"join\",\"id\":\"j2\",\"room\":\"cursed\"}");
            assertThat(alice.frames.receiveMessage(Person.PATIENCE)).isInstanceOf(ServerFrame.Joined.class);
            return null;
        });
    }

    @Test
    void aSessionThatFailsLeavesItsRoomsAndFreesItsNickAndNobodyElseNotices() {
        LoggingTestKit.error(NullPointerException.class).expect(testKit.system(), () -> {
            alice.sendsWithoutWaiting(null);
            return null;
        });
        assertThat(alice.ends.receiveMessage(Person.PATIENCE)).isInstanceOf(ConnectionEnd.Aborted.class);
        ServerFrame.Presence quit = new ServerFrame.Presence("lobby", "alice", PresenceEvent.QUIT, null, "session failed");
        assertThat(bob.gets(ServerFrame.Presence.class)).isEqualTo(quit);
        assertThat(carol.gets(ServerFrame.Presence.class)).isEqualTo(quit);

        bob.says("{\"type\":\"who\",\"id\":\"w\",\"room\":\"lobby\"}");
        assertThat(bob.gets(ServerFrame.Members.class).members()).containsExactly("bob", "carol");
        Person aliceAgain = Person.registered(testKit, registry, "alice", READS_AND_HANGS_UP_WHEN_CLOSED);
        aliceAgain.answersPing("the nick was free again");
        awaitStats(new RegistryActor.Stats(4, 4, 2));

        dave.answersPing("untouched");
        dave.frames.expectNoMessage();
    }

    /** The registry learns of a stopped session through its watch, a moment after the session's last words. */
    private void awaitStats(RegistryActor.Stats expected) {
        TestProbe<RegistryActor.Stats> probe = testKit.createTestProbe();
        probe.awaitAssert(Person.PATIENCE, () -> {
            registry.tell(new RegistryActor.GetStats(probe.ref()));
            assertThat(probe.receiveMessage(Person.PATIENCE)).isEqualTo(expected);
            return null;
        });
    }
}
