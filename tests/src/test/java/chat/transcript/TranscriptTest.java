package chat.transcript;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Every transcript, replayed twice: over real TCP, and against the actors with no sockets. */
class TranscriptTest {

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
                () -> mode.play(script.parse())));
    }
}
