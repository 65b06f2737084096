package chat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

/** A {@link LineSplitter.Sink} that remembers what the splitter handed on, as a reader would see it. */
final class LinesSeen implements LineSplitter.Sink {

    final List<byte[]> lines = new ArrayList<>();
    final List<Integer> tooLong = new ArrayList<>();

    @Override
    public void line(byte[] bytes) {
        lines.add(bytes);
    }

    @Override
    public void tooLong(int limit) {
        tooLong.add(limit);
    }

    List<String> texts() {
        return lines.stream().map(bytes -> new String(bytes, UTF_8)).toList();
    }
}
