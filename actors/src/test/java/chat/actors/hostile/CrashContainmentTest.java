package chat.actors.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.ChatSettings;
import chat.actors.ConnectionEnd;
import chat.actors.RegistryActor;
import chat.actors.history.HistoryStore;
import chat.actors.history.InMemoryHistory;
import chat.actors.history.RoomHistory;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, item 8: an exception in one room or one session is contained: it is logged, the room
 * keeps the right members, nobody is left as a ghost, and other rooms and sessions carry on.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class CrashContainmentTest {

    /** A message text that makes the room's history store fail, as a broken disk would. */
    private static final String POISON = "store this if you can";
    /** A room whose history the store cannot open, as a corrupt file would. */
    private static final String CURSED_ROOM = "cursed";

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create();

    private ActorRef<RegistryActor.Command> registry;
    private Member alice;
    private Member bob;
    private Member carol;
    private Member dave;

    @BeforeEach
    void fourPeopleInTwoRooms() {
        ChatSettings settings = ChatSettings.from(ConfigFactory.parseString("chat.heartbeat = 60s\nchat.limits.answer-timeout = 1s")
                .withFallback(ConfigFactory.defaultReference()).resolve());
        registry = testKit.spawn(RegistryActor.create(settings, new FailingStore(new InMemoryHistory(100))));
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
    void aRoomThatFailsOnOneMessageKeepsItsMembersAndTheSenderIsToldInsteadOfLeftWaiting() {
        LoggingTestKit.error(IllegalStateException.class).withMessageContains("injected").expect(testKit.system(), () -> {
            alice.sendWithoutWaiting("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"" + POISON + "\"}");
            return null;
        });
        ServerFrame.Bye bye = alice.receive(ServerFrame.Bye.class);
        assertThat(bye.reason()).startsWith("server error");
        assertThat(alice.ends.receiveMessage(Member.PATIENCE)).isInstanceOf(ConnectionEnd.Closed.class);
        ServerFrame.Presence quit = new ServerFrame.Presence("lobby", "alice", PresenceEvent.QUIT, null, bye.reason());
        assertThat(bob.receive(ServerFrame.Presence.class)).isEqualTo(quit);
        assertThat(carol.receive(ServerFrame.Presence.class)).isEqualTo(quit);

        bob.send("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"still here?\"}");
        ServerFrame.Message seen = carol.receive(ServerFrame.Message.class);
        assertThat(seen.text()).isEqualTo("still here?");
        assertThat(seen.seq()).as("the failed message took no seq").isEqualTo(1);
        carol.send("{\"type\":\"who\",\"id\":\"w\",\"room\":\"lobby\"}");
        assertThat(carol.receive(ServerFrame.Members.class).members()).containsExactly("bob", "carol");

        Member aliceAgain = Member.connect(testKit, registry);
        aliceAgain.send("{\"type\":\"hello\",\"nick\":\"alice\"}");
        aliceAgain.receive(ServerFrame.Welcome.class);
        ServerFrame.Joined rejoined = aliceAgain.receive(ServerFrame.Joined.class);
        assertThat(rejoined.members()).containsExactly("bob", "carol", "alice");
        assertThat(rejoined.history()).containsExactly(seen);

        dave.send("{\"type\":\"say\",\"id\":\"d\",\"room\":\"elsewhere\",\"text\":\"fine here\"}");
        assertThat(dave.receive(ServerFrame.Message.class).seq()).isEqualTo(1);
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

    @Test
    void aRegistryThatFailsOnOneRequestGoesOnServingEveryoneElse() {
        LoggingTestKit.error(IllegalStateException.class).withMessageContains("injected").expect(testKit.system(), () -> {
            alice.sendWithoutWaiting("{\"type\":\"join\",\"room\":\"" + CURSED_ROOM + "\"}");
            return null;
        });
        assertThat(alice.receive(ServerFrame.Bye.class).reason()).startsWith("server error");
        assertThat(bob.receive(ServerFrame.Presence.class).event()).isEqualTo(PresenceEvent.QUIT);

        bob.assertAlive("the registry still holds bob");
        bob.send("{\"type\":\"whisper\",\"id\":\"w\",\"to\":\"dave\",\"text\":\"still there?\"}");
        assertThat(bob.receive(ServerFrame.Whisper.class).to()).isEqualTo("dave");
        assertThat(dave.receive(ServerFrame.Whisper.class).text()).isEqualTo("still there?");
        Member erin = Member.registered(testKit, registry, "erin");
        erin.send("{\"type\":\"who\",\"id\":\"w\",\"room\":\"lobby\"}");
        assertThat(erin.receive(ServerFrame.Members.class).members()).containsExactly("bob", "carol", "erin");
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

    /** In-memory history that cannot open one room and whose rooms fail to store one particular message. */
    private record FailingStore(HistoryStore delegate) implements HistoryStore {
        @Override
        public RoomHistory open(String roomKey) {
            if (roomKey.equals(CURSED_ROOM)) {
                throw new IllegalStateException("injected fault: the history store cannot open " + roomKey);
            }
            RoomHistory history = delegate.open(roomKey);
            return new RoomHistory() {
                @Override
                public void append(ServerFrame.Message message) {
                    if (message.text().equals(POISON)) {
                        throw new IllegalStateException("injected fault: the history store failed");
                    }
                    history.append(message);
                }

                @Override
                public long lastSeq() {
                    return history.lastSeq();
                }

                @Override
                public boolean isEmpty() {
                    return history.isEmpty();
                }

                @Override
                public List<ServerFrame.Message> latest(int count) {
                    return history.latest(count);
                }

                @Override
                public List<ServerFrame.Message> after(long since, int cap) {
                    return history.after(since, cap);
                }

                @Override
                public List<ServerFrame.Message> before(long before, int limit) {
                    return history.before(before, limit);
                }
            };
        }
    }
}
