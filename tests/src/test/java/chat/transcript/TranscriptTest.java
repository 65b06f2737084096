package chat.transcript;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.typesafe.config.ConfigFactory;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Every transcript, replayed twice: over real TCP, and against the actors with no sockets. */
class TranscriptTest {

    /** One actor system for all actor-mode runs; each transcript gets its own registry, so nothing is shared. */
    private static ActorTestKit testKit;

    @BeforeAll
    static void startTestKit() {
        testKit = ActorTestKit.create("transcripts", ConfigFactory.load());
    }

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT)
    Stream<DynamicTest> overTcp() {
        return played(Mode.TCP);
    }

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT)
    Stream<DynamicTest> inActorTestKit() {
        return played(Mode.ACTORS);
    }

    private static Stream<DynamicTest> played(Mode mode) {
        return Scripts.all().stream().map(script -> dynamicTest(mode.label() + ": " + script.name(), script.uri(),
                () -> mode.play(script.parse(), testKit)));
    }
}
