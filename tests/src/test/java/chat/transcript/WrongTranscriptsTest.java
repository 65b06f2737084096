package chat.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The runner tests itself: every transcript under src/test/resources/wrong is wrong on purpose
 * and must fail, in both modes, with the message its header gives: the lines after {@code #> },
 * in that order, each a whole line of the failure, {@code [mode]} standing for {@code [tcp]} or
 * {@code [actors]}.
 */
class WrongTranscriptsTest {

    private static final String EXPECTED_LINE = "#>";
    private static final String MODE_PLACEHOLDER = "[mode]";

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT)
    Stream<DynamicTest> eachFailsWithTheMessageItsHeaderGives() {
        return Scripts.in(Scripts.WRONG_DIRECTORY).stream().flatMap(script -> Stream.of(Mode.values()).map(mode ->
                dynamicTest(mode.label() + ": " + script.name(), script.uri(), () -> {
                    List<String> expected = expectedFailure(script.text(), mode);
                    assertThat(expected).as("%s names the failure it must produce in '%s' lines", script.name(), EXPECTED_LINE)
                            .isNotEmpty();
                    Throwable failure = catchThrowable(() -> mode.play(script.parse()));
                    assertThat(failure).as("%s is wrong on purpose, so it must fail", script.name())
                            .isInstanceOf(TranscriptFailure.class);
                    assertThat(failure.getMessage().lines().toList()).containsSubsequence(expected);
                })));
    }

    private static List<String> expectedFailure(String text, Mode mode) {
        return text.lines()
                .filter(line -> line.startsWith(EXPECTED_LINE))
                .map(line -> line.substring(Math.min(line.length(), EXPECTED_LINE.length() + 1)))
                .map(line -> line.replace(MODE_PLACEHOLDER, "[" + mode.label() + "]"))
                .toList();
    }
}
