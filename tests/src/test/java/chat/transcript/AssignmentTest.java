package chat.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AssignmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<FramePattern> patterns(String... texts) {
        return Stream.of(texts).map(FramePatternParser::parse).toList();
    }

    private static List<JsonNode> frames(String... texts) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String text : texts) {
            out.add(JSON.readTree(text));
        }
        return out;
    }

    @Test
    void aSpecificPatternGetsItsFrameEvenWhenAGeneralOneIsListedFirst() throws Exception {
        Bindings found = Assignment.find(
                patterns("{\"type\":\"message\",\"from\":$_}", "{\"type\":\"message\",\"from\":\"alice\"}"),
                frames("{\"type\":\"message\",\"from\":\"alice\"}", "{\"type\":\"message\",\"from\":\"bob\"}"),
                Bindings.NONE, FrameMatcher::match);
        assertThat(found).isNotNull();
    }

    @Test
    void capturesMadeInOnePairingHoldForTheNext() throws Exception {
        Bindings found = Assignment.find(
                patterns("{\"from\":\"bob\",\"seq\":$s}", "{\"from\":\"alice\",\"seq\":$s+1}"),
                frames("{\"from\":\"alice\",\"seq\":8}", "{\"from\":\"bob\",\"seq\":7}"),
                Bindings.NONE, FrameMatcher::match);
        assertThat(found.get("s")).hasValueSatisfying(value -> assertThat(value.intValue()).isEqualTo(7));
    }

    @Test
    void namesThePatternThatNoFrameMatches() throws Exception {
        List<FramePattern> patterns = patterns("{\"type\":\"message\"}", "{\"type\":\"presence\",\"event\":\"quit\"}");
        List<JsonNode> frames = frames("{\"type\":\"message\"}", "{\"type\":\"message\"}");
        assertThat(Assignment.find(patterns, frames, Bindings.NONE, FrameMatcher::match)).isNull();
        assertThat(Assignment.firstUnmatched(patterns, frames, Bindings.NONE, FrameMatcher::match)).isEqualTo(1);
    }

    @Test
    @Timeout(10)
    void aFloodOfLookAlikesIsRuledOutQuickly() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            texts.add("{\"type\":\"message\",\"seq\":" + i + "}");
            expected.add("{\"type\":\"message\",\"seq\":$_}");
        }
        texts.add("{\"type\":\"message\",\"seq\":1500}");
        expected.add("{\"type\":\"presence\"}");
        assertThat(Assignment.find(patterns(expected.toArray(String[]::new)), frames(texts.toArray(String[]::new)), Bindings.NONE,
                FrameMatcher::match))
                .isNull();
    }
}
