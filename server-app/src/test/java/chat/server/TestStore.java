package chat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A store of its own for one test: an in-memory H2 database, an H2 file in a fresh folder (it
 * outlives a server process), or a PostgreSQL database. Closing it frees what it holds.
 */
public final class TestStore implements AutoCloseable {

    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final String H2_USER = "chat";

    private final String url;
    private final String user;
    private final String password;
    private final Runnable cleanUp;

    private TestStore(String url, String user, String password, Runnable cleanUp) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.cleanUp = cleanUp;
    }

    /** Kept open (DB_CLOSE_DELAY=-1) between the server's first check and its pool, until {@link #close()}. */
    public static TestStore inMemory() {
        String url = "jdbc:h2:mem:chat-test-" + NUMBER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        return new TestStore(url, H2_USER, "", () -> shutDown(url));
    }

    public static TestStore onDisk() {
        return onDisk("");
    }

    /**
     * An H2 file that writes new commits into the space of old ones at once. H2 keeps a version's
     * space for {@code RETENTION_TIME} (45 s by default) before it reuses it, so a fresh store
     * appends every commit to the end of its file; this one behaves from the first line as any
     * store older than that, where a crash must not lose what was written into reused space.
     */
    public static TestStore onDiskReusingSpaceAtOnce() {
        return onDisk(";RETENTION_TIME=0");
    }

    private static TestStore onDisk(String options) {
        try {
            Path folder = Files.createTempDirectory("chat-store-");
            return new TestStore("jdbc:h2:file:" + folder.resolve("chat") + options, H2_USER, "", () -> delete(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PostgreSQL database the test started; the test stops it. */
    public static TestStore postgres(String url, String user, String password) {
        return new TestStore(url, user, password, () -> { });
    }

    public String url() {
        return url;
    }

    /** The HOCON lines that point a server at this store. */
    public String setting() {
        return "chat.store.url = \"" + url + "\"\nchat.store.user = \"" + user + "\"\nchat.store.password = \"" + password + "\"";
    }

    /** The {@code -D} options that point a server process at this store. */
    public List<String> options() {
        return List.of("-Dchat.store.url=" + url, "-Dchat.store.user=" + user, "-Dchat.store.password=" + password);
    }

    @Override
    public void close() {
        cleanUp.run();
    }

    private static void shutDown(String url) {
        try (Connection connection = DriverManager.getConnection(url, H2_USER, "")) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already gone with its server: nothing left to free.
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
