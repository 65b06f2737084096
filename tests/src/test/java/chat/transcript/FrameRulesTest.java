package chat.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<String> problem(String frame) throws Exception {
        return FrameRules.problem(JSON.readTree(frame));
    }

    @Test
    void acceptsWellFormedFrames() throws Exception {
        assertThat(problem("{\"type\":\"error\",\"code\":\"bad-room\",\"message\":\"no spaces\",\"re\":\"1\"}")).isEmpty();
        assertThat(problem("{\"type\":\"history\",\"room\":\"a\",\"messages\":[{\"type\":\"message\",\"ts\":\"2026-11-27T12:00:00.123Z\"}]}")).isEmpty();
    }

    @Test
    void anErrorWithoutMessageBreaksTheContract() throws Exception {
        assertThat(problem("{\"type\":\"error\",\"code\":\"bad-room\"}")).contains("an error frame needs a human readable message");
        assertThat(problem("{\"type\":\"error\",\"code\":\"bad-room\",\"message\":\" \"}")).isPresent();
    }

    @Test
    void byeAndQuitNeedTheirReason() throws Exception {
        assertThat(problem("{\"type\":\"bye\"}")).contains("a bye frame needs a reason");
        assertThat(problem("{\"type\":\"presence\",\"room\":\"a\",\"nick\":\"b\",\"event\":\"quit\"}")).contains("a presence quit needs a reason");
        assertThat(problem("{\"type\":\"presence\",\"room\":\"a\",\"nick\":\"b\",\"event\":\"leave\"}")).isEmpty();
    }

    @Test
    void timestampsAreUtcWithMillisecondsWhereverTheyAppear() throws Exception {
        assertThat(problem("{\"type\":\"message\",\"ts\":\"2026-11-27T12:00:00Z\"}")).isPresent();
        assertThat(problem("{\"type\":\"joined\",\"history\":[{\"ts\":\"2026-11-27T13:00:00.000+01:00\"}]}")).isPresent();
    }

    @Test
    void reIsAString() throws Exception {
        assertThat(problem("{\"type\":\"pong\",\"re\":7}")).contains("re must be the request's id, a string");
    }
}
