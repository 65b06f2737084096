package chat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A store of its own for one test server: an in-memory H2 database, gone when the test closes it,
 * or an H2 file in a fresh folder, which outlives a server process and is deleted on close.
 */
public final class TestStore implements AutoCloseable {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final String url;
    private final Path folder;

    private TestStore(String url, Path folder) {
        this.url = url;
        this.folder = folder;
    }

    /** Kept open (DB_CLOSE_DELAY=-1) between the server's first check and its pool, until {@link #close()}. */
    public static TestStore inMemory() {
        return new TestStore("jdbc:h2:mem:chat-test-" + NUMBER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", null);
    }

    public static TestStore onDisk() {
        try {
            Path folder = Files.createTempDirectory("chat-store-");
            return new TestStore("jdbc:h2:file:" + folder.resolve("chat"), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    /** The HOCON line that points a server at this store. */
    public String setting() {
        return "chat.store.url = \"" + url + "\"";
    }

    /** The {@code -D} option that points a server process at this store. */
    public String option() {
        return "-Dchat.store.url=" + url;
    }

    @Override
    public void close() {
        if (folder == null) {
            try (Connection connection = DriverManager.getConnection(url, "chat", "")) {
                connection.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                // Already gone with its server: nothing left to free.
            }
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
