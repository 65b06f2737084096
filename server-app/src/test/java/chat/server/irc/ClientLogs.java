package chat.server.irc;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The log files a real IRC client writes, one per window, read again and again until a line shows
 * up: what its user saw, in the client's own words.
 */
final class ClientLogs {

    /** Long enough for a client starting on a busy 2-core machine, short enough that a lost line fails the test. */
    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 50;

    private final Path dir;
    private final Supplier<String> alsoShown;

    /** {@code alsoShown} is what else the client can tell when a line never comes, such as its screen. */
    ClientLogs(Path dir, Supplier<String> alsoShown) {
        this.dir = dir;
        this.alsoShown = alsoShown;
    }

    /**
     * The first line of the log {@code file} that holds each of {@code pieces}, in that order;
     * fails the test with everything the client showed when none comes within {@link #PATIENCE}.
     */
    String awaitLine(String file, String... pieces) {
        return await("a line with " + List.of(pieces) + " in " + file,
                () -> Stream.of(read(dir.resolve(file)).split("\n")).filter(line -> holdsInOrder(line, pieces)).findFirst());
    }

    /** Waits until the client has the window whose log is {@code file}: it starts the log as it opens the window. */
    void awaitFile(String file) {
        await(file, () -> Optional.of(file).filter(name -> Files.exists(dir.resolve(name))));
    }

    /** Every log, each under its name, and what else the client shows: for a failing test's message. */
    String everything() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted()
                    .map(file -> "== " + file.getFileName() + "\n" + read(file))
                    .collect(Collectors.joining("\n")) + "\n" + alsoShown.get();
        } catch (IOException e) {
            return "(no logs in " + dir + ": " + e + ")\n" + alsoShown.get();
        }
    }

    private String await(String what, Supplier<Optional<String>> found) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<String> result = found.get();
        while (result.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return fail("the client showed no " + what + " within " + PATIENCE.toSeconds() + " s; it showed:\n"
                        + everything());
            }
            pause();
            result = found.get();
        }
        return result.get();
    }

    private static boolean holdsInOrder(String line, String... pieces) {
        int from = 0;
        for (String piece : pieces) {
            int at = line.indexOf(piece, from);
            if (at < 0) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    /** The file as written so far; a client may be in the middle of a character, which decodes as a replacement. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the client", e);
        }
    }
}
