package chat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exchanges shown in docs/protocol.md are frames this codec really reads and writes. */
class DocumentedExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "protocol.md");
    private static final String FROM_CLIENT = "→ {";
    private static final String FROM_SERVER = "← {";

    private final FrameCodec codec = new FrameCodec();

    private static List<String> framesAfter(String arrow) throws IOException {
        return Files.readAllLines(DOC, UTF_8).stream()
                .filter(line -> line.contains(arrow))
                .map(line -> line.substring(line.indexOf(arrow) + 2))
                .toList();
    }

    @Test
    void everyRequestInTheDocsIsUnderstood() throws IOException {
        List<String> requests = framesAfter(FROM_CLIENT);

        assertThat(requests).hasSizeGreaterThanOrEqualTo(12);
        for (String request : requests) {
            assertThat(codec.decodeRequest(request.getBytes(UTF_8))).as(request).isInstanceOf(Decoded.Request.class);
        }
    }

    @Test
    void everyServerLineInTheDocsIsExactlyWhatTheServerWrites() throws IOException, ProtocolException {
        List<String> answers = framesAfter(FROM_SERVER);

        assertThat(answers).hasSizeGreaterThanOrEqualTo(20);
        for (String answer : answers) {
            assertThat(new String(codec.encode(codec.decodeServerFrame(answer)), UTF_8)).isEqualTo(answer + "\n");
        }
    }
}
