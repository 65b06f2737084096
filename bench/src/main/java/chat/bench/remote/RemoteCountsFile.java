package chat.bench.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A node's count of messages sent to other nodes, by class, as {@code class=count} lines: written
 * by {@link SentRemoteMessages} inside the server, read by the load generator.
 */
public final class RemoteCountsFile {

    /** How stale the file may be; a reader that wants counts of a quiet moment waits a few of these. */
    public static final long WRITE_PERIOD_MILLIS = 200;

    /** The option that makes a server JVM count and write, naming its file. */
    public static String serverOption(Path file) {
        return "-D" + SentRemoteMessages.FILE_PROPERTY + "=" + file;
    }

    /** The option that makes Pekko load the counter into a server JVM. */
    public static String instrumentOption() {
        return "-Dpekko.remote.artery.advanced.instruments.0=" + RemoteMessageCounter.class.getName();
    }

    private RemoteCountsFile() {}

    /** Replaced in one move, so a reader never sees half a file. */
    static void write(Path file, Map<String, Long> counts) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, counts.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The counts of all {@code files} added up by class; a file not written yet counts nothing. */
    public static Map<String, Long> readAll(List<Path> files) throws IOException {
        Map<String, Long> total = new TreeMap<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (NoSuchFileException e) {
                continue;
            }
            for (String line : lines) {
                int equals = line.lastIndexOf('=');
                if (equals > 0) {
                    total.merge(line.substring(0, equals), Long.parseLong(line.substring(equals + 1)), Long::sum);
                }
            }
        }
        return total;
    }
}
