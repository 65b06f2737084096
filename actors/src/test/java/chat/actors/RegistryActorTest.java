package chat.actors;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class RegistryActorTest {

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create();

    private ActorRef<RegistryActor.Command> registry(String settings) {
        ChatSettings chat = TestSettings.with(settings);
        return testKit.spawn(RegistryActor.create(chat));
    }

    @Test
    void aNickIsOneNickWhateverItsCaseWidthOrLookalikeLetters() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("Alice", null, alice.ref(), "h"));
        assertThat(alice.expectMessageClass(SessionActor.NickClaimed.class).nick()).isEqualTo("Alice");

        for (String lookalike : List.of("alice", "ＡＬＩＣＥ", "аlice")) {
            TestProbe<SessionActor.Reply> impostor = testKit.createTestProbe();
            registry.tell(new RegistryActor.ClaimNick(lookalike, null, impostor.ref(), "h2"));
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
            registry.tell(new RegistryActor.ClaimNick(i % 2 == 0 ? "zoe" : "ZOE", null, racer.ref(), null));
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
        registry.tell(new RegistryActor.ClaimNick("sam", null, first.ref(), null));
        String samKey = first.expectMessageClass(SessionActor.NickClaimed.class).key();
        registry.tell(new RegistryActor.ClaimNick("samuel", samKey, first.ref(), null));
        first.expectMessageClass(SessionActor.NickClaimed.class);

        TestProbe<SessionActor.Reply> second = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("Sam", null, second.ref(), null));
        assertThat(second.expectMessageClass(SessionActor.NickClaimed.class).nick()).isEqualTo("Sam");
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
        TestProbe<SessionActor.Reply> bob = testKit.createTestProbe();
        registry.tell(new RegistryActor.ClaimNick("alice", null, alice.ref(), null));
        registry.tell(new RegistryActor.ClaimNick("bob", null, bob.ref(), null));
        alice.expectMessageClass(SessionActor.NickClaimed.class);
        bob.expectMessageClass(SessionActor.NickClaimed.class);

        registry.tell(new RegistryActor.Whisper("alice", "BOB", "psst", alice.ref(), "w1"));
        ServerFrame.Whisper heard = (ServerFrame.Whisper) Frames.single(bob.expectMessageClass(SessionActor.Deliver.class).frame());
        assertThat(heard.from()).isEqualTo("alice");
        assertThat(heard.to()).isEqualTo("bob");
        assertThat(heard.text()).isEqualTo("psst");
        ServerFrame.Whisper echo = (ServerFrame.Whisper) Frames.single(alice.expectMessageClass(SessionActor.Answer.class).frame());
        assertThat(echo.re()).isEqualTo("w1");

        registry.tell(new RegistryActor.Whisper("alice", "nobody", "hello?", alice.ref(), "w2"));
        ServerFrame.Error error = (ServerFrame.Error) Frames.single(alice.expectMessageClass(SessionActor.Answer.class).frame());
        assertThat(error.code()).isEqualTo(ErrorCode.NO_SUCH_NICK);
        assertThat(error.re()).isEqualTo("w2");
    }

    @Test
    void roomsAreFoundByNameWhateverTheCaseAndListedWithTheirCounts() {
        ActorRef<RegistryActor.Command> registry = registry("");
        TestProbe<SessionActor.Reply> alice = testKit.createTestProbe();
        registry.tell(new RegistryActor.JoinRoom("Garden", "alice", null, alice.ref(), null));
        alice.expectMessageClass(SessionActor.RoomJoined.class);
        TestProbe<SessionActor.Reply> bob = testKit.createTestProbe();
        registry.tell(new RegistryActor.JoinRoom("garden", "bob", null, bob.ref(), null));
        ServerFrame.Joined joined = (ServerFrame.Joined) Frames.single(bob.expectMessageClass(SessionActor.RoomJoined.class).frame());
        assertThat(joined.room()).isEqualTo("Garden");
        assertThat(joined.members()).containsExactly("alice", "bob");

        registry.tell(new RegistryActor.ListRooms(bob.ref(), "r"));
        ServerFrame.RoomList list = (ServerFrame.RoomList) Frames.single(bob.expectMessageClass(SessionActor.Answer.class).frame());
        assertThat(list.rooms()).containsExactly(new ServerFrame.RoomSummary("Garden", 2, ""));
    }
}
