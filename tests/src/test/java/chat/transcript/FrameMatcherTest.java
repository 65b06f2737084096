package chat.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FrameMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Outcome match(String expected, String received, Bindings bindings) throws Exception {
        JsonNode frame = JSON.readTree(received);
        return FrameMatcher.match(FramePatternParser.parse(expected), frame, bindings);
    }

    private static Outcome match(String expected, String received) throws Exception {
        return match(expected, received, Bindings.NONE);
    }

    @Test
    void listedFieldsMustBeEqual() throws Exception {
        assertThat(match("{\"type\":\"welcome\",\"nick\":\"alice\"}", "{\"type\":\"welcome\",\"nick\":\"alice\"}"))
                .isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"type\":\"welcome\",\"nick\":\"alice\"}", "{\"type\":\"welcome\",\"nick\":\"Alice\"}"))
                .hasToString(".nick: expected \"alice\", got \"Alice\"");
    }

    @Test
    void aFieldTheLineDoesNotListIsAMismatch() throws Exception {
        assertThat(match("{\"type\":\"welcome\",\"nick\":\"alice\"}",
                "{\"type\":\"welcome\",\"nick\":\"alice\",\"protocol\":1,\"motd\":\"hi\"}"))
                .hasToString(".protocol: unexpected field, the line does not list it: 1");
        assertThat(match("{\"type\":\"pong\"}", "{\"type\":\"pong\",\"re\":\"p1\"}"))
                .hasToString(".re: unexpected field, the line does not list it: \"p1\"");
    }

    @Test
    void aListedFieldThatIsMissingIsAMismatch() throws Exception {
        assertThat(match("{\"type\":\"message\",\"re\":\"m1\"}", "{\"type\":\"message\"}"))
                .hasToString(".re: missing");
    }

    @Test
    void absentDemandsThatTheFieldIsNotThere() throws Exception {
        assertThat(match("{\"type\":\"message\",\"re\":absent}", "{\"type\":\"message\"}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"type\":\"message\",\"re\":absent}", "{\"type\":\"message\",\"re\":\"m1\"}"))
                .hasToString(".re: expected no such field, got \"m1\"");
    }

    @Test
    void theValueOfTsIsNeverCompared() throws Exception {
        assertThat(match("{\"ts\":\"2000-01-01T00:00:00.000Z\"}", "{\"ts\":\"2026-11-27T12:00:00.123Z\"}"))
                .isInstanceOf(Outcome.Matched.class);
    }

    @Test
    void tsNeedNotBeListedButListingItDemandsIt() throws Exception {
        assertThat(match("{\"type\":\"message\"}", "{\"type\":\"message\",\"ts\":\"2026-11-27T12:00:00.123Z\"}"))
                .isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"type\":\"message\",\"ts\":$_}", "{\"type\":\"message\"}")).hasToString(".ts: missing");
        assertThat(match("{\"type\":\"message\",\"ts\":absent}", "{\"type\":\"message\",\"ts\":\"2026-11-27T12:00:00.123Z\"}"))
                .hasToString(".ts: expected no such field, got \"2026-11-27T12:00:00.123Z\"");
    }

    @Test
    void numbersCompareByValue() throws Exception {
        assertThat(match("{\"seq\":3}", "{\"seq\":3.0}")).isInstanceOf(Outcome.Matched.class);
    }

    @Test
    void aVariableCapturesOnceAndComparesAfterwards() throws Exception {
        Outcome first = match("{\"seq\":$s}", "{\"seq\":7}");
        Bindings captured = ((Outcome.Matched) first).bindings();
        assertThat(match("{\"seq\":$s}", "{\"seq\":7}", captured)).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"seq\":$s+1}", "{\"seq\":8}", captured)).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"seq\":$s+1}", "{\"seq\":9}", captured)).hasToString(".seq: expected $s+1 = 8, got 9");
        assertThat(match("{\"seq\":$s-2}", "{\"seq\":5}", captured)).isInstanceOf(Outcome.Matched.class);
    }

    @Test
    void dollarUnderscoreAcceptsAnyValueButNotAMissingField() throws Exception {
        assertThat(match("{\"server\":$_}", "{\"server\":\"pekko-chat/1.0\"}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"server\":$_}", "{}")).hasToString(".server: missing");
    }

    @Test
    void arraysAreComparedWholeAndInOrder() throws Exception {
        assertThat(match("{\"members\":[\"alice\",\"bob\"]}", "{\"members\":[\"alice\",\"bob\"]}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"members\":[\"alice\",\"bob\"]}", "{\"members\":[\"bob\",\"alice\"]}"))
                .hasToString(".members[0]: expected \"alice\", got \"bob\"");
        assertThat(match("{\"members\":[\"alice\"]}", "{\"members\":[\"alice\",\"bob\"]}"))
                .hasToString(".members: expected 1 elements, got 2: [\"alice\",\"bob\"]");
    }

    @Test
    void aTildeArrayAcceptsAnyOrder() throws Exception {
        assertThat(match("{\"members\":~[\"alice\",\"bob\"]}", "{\"members\":[\"bob\",\"alice\"]}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"members\":~[\"alice\",\"bob\"]}", "{\"members\":[\"bob\",\"carol\"]}")).isInstanceOf(Outcome.Mismatch.class);
    }

    @Test
    void threeDotsAllowMoreElements() throws Exception {
        assertThat(match("{\"members\":[\"alice\", ...]}", "{\"members\":[\"alice\",\"bob\"]}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"members\":~[\"bob\", ...]}", "{\"members\":[\"alice\",\"bob\"]}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"members\":[\"bob\", ...]}", "{\"members\":[\"alice\",\"bob\"]}")).isInstanceOf(Outcome.Mismatch.class);
    }

    @Test
    void objectsInsideArraysMatchStrictlyToo() throws Exception {
        String history = "{\"type\":\"joined\",\"history\":[{\"type\":\"message\",\"from\":\"bob\",\"text\":\"hi\",\"seq\":1,"
                + "\"ts\":\"2026-11-27T12:00:00.123Z\"},{\"type\":\"message\",\"from\":\"bob\",\"text\":\"yo\",\"seq\":2,"
                + "\"ts\":\"2026-11-27T12:00:00.124Z\"}]}";
        assertThat(match("{\"type\":\"joined\",\"history\":[{\"type\":\"message\",\"from\":\"bob\",\"text\":\"hi\",\"seq\":$a},"
                + "{\"type\":\"message\",\"from\":\"bob\",\"text\":\"yo\",\"seq\":$a+1}]}", history))
                .isInstanceOf(Outcome.Matched.class);
        assertThat(match("{\"type\":\"joined\",\"history\":[{\"type\":\"message\",\"from\":\"bob\",\"text\":\"hi\",\"seq\":1},"
                + "{\"type\":\"message\",\"from\":\"bob\",\"text\":\"hey\",\"seq\":2}]}", history))
                .hasToString(".history[1].text: expected \"hey\", got \"yo\"");
        assertThat(match("{\"type\":\"joined\",\"history\":[{\"type\":\"message\",\"text\":\"hi\",\"seq\":1},"
                + "{\"type\":\"message\",\"from\":\"bob\",\"text\":\"yo\",\"seq\":2}]}", history))
                .hasToString(".history[0].from: unexpected field, the line does not list it: \"bob\"");
    }

    @Test
    void alternativesAcceptEitherShape() throws Exception {
        String either = "{\"type\":\"whisper\",\"re\":\"w\"} | {\"type\":\"error\",\"code\":\"no-such-nick\"}";
        assertThat(match(either, "{\"type\":\"whisper\",\"re\":\"w\"}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match(either, "{\"type\":\"error\",\"code\":\"no-such-nick\"}")).isInstanceOf(Outcome.Matched.class);
        assertThat(match(either, "{\"type\":\"error\",\"code\":\"bad-nick\"}")).isInstanceOf(Outcome.Mismatch.class);
        assertThat(match("{\"code\":\"bad-nick\" | \"nick-taken\"}", "{\"code\":\"nick-taken\"}")).isInstanceOf(Outcome.Matched.class);
    }
}
