package chat.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lines up load generators that share one run, through marker files in a folder: each says it
 * reached a point, then waits for the others, so that all their connections are open at once.
 */
final class Barrier {

    private static final long POLL_MILLIS = 50;
    private static final long TIMEOUT_MILLIS = 180_000;

    private final Path folder;
    private final String party;
    private final int parties;

    Barrier(Path folder, String party, int parties) {
        this.folder = folder;
        this.party = party;
        this.parties = parties;
    }

    /** False when the others did not arrive in time. */
    boolean await(String point) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(point + "." + party), point);
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (arrived(point) < parties) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return true;
    }

    private long arrived(String point) throws IOException {
        try (Stream<Path> markers = Files.list(folder)) {
            return markers.filter(marker -> marker.getFileName().toString().startsWith(point + ".")).count();
        }
    }
}
