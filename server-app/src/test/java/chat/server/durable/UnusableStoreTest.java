package chat.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.ServerProcess;
import chat.server.TestStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.h2.engine.Constants;
import org.junit.jupiter.api.Test;

/**
 * A store the server cannot use stops it at start with one line naming the store and the cause,
 * and a non-zero exit: no stack trace as the only explanation, and no server that seems to run
 * but loses every line.
 */
class UnusableStoreTest {

    private static final Duration EXIT_WITHIN = Duration.ofSeconds(60);
    private static final int CANNOT_START = 1;

    @Test
    void aUrlOfADatabaseTheServerCannotUseIsNamedAsSuch() throws Exception {
        refusedWith(TestStore.postgres("jdbc:mysql://db.example/chat", "chat", ""),
                "chat-server: chat.store.url \"jdbc:mysql://db.example/chat\" names no database the server can use; "
                        + "give a jdbc:h2:... or jdbc:postgresql:... URL");
    }

    @Test
    void aPostgresqlThatDoesNotAnswerIsNamedWithTheCause() throws Exception {
        refusedWith(TestStore.postgres("jdbc:postgresql://127.0.0.1:1/chat", "chat", "secret"),
                "chat-server: cannot use the store jdbc:postgresql://127.0.0.1:1/chat: Connection to 127.0.0.1:1 refused. "
                        + "Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.");
    }

    @Test
    void aWrongPasswordIsNamedWithoutShowingAnyPassword() throws Exception {
        try (TestStore store = TestStore.onDisk()) {
            try (Connection created = DriverManager.getConnection(store.url(), "chat", "")) {
                created.createStatement().execute("ALTER USER \"CHAT\" SET PASSWORD 'the right one'");
            }
            String line = refusedWith(store, "chat-server: cannot use the store " + store.url()
                    + ": Wrong user name or password [28000-" + Constants.BUILD_ID + "]");
            assertThat(line).doesNotContain("the right one");
        }
    }

    @Test
    void anEmbeddedStoreInUseByAnotherServerIsNamedAsInUse() throws Exception {
        try (TestStore store = TestStore.onDisk();
             ServerProcess first = ServerProcess.startOn(store)) {
            String line = refusedWith(store, null);
            assertThat(line).startsWith("chat-server: cannot use the store " + store.url() + ": Database may be already in use");
            assertThat(first.isAlive()).as("the first server serves on").isTrue();
        }
    }

    @Test
    void aNodeOfAClusterIsRefusedAnH2FileWhichItsOtherNodesCouldNotShare() throws Exception {
        try (TestStore store = TestStore.onDisk()) {
            refusedWith(store, "chat-server: pekko.cluster.seed-nodes makes this server one node of a cluster, whose "
                            + "nodes share one store, and " + store.url() + " cannot be shared: set chat.store.url to a "
                            + "PostgreSQL database that every node uses (docs/cluster.md)",
                    "-Dpekko.cluster.seed-nodes.0=pekko://chat@127.0.0.1:25520");
        }
    }

    /** Starts a server on {@code store}; it must exit at once with one line, {@code expected} when given. */
    private static String refusedWith(TestStore store, String expected, String... settings) throws Exception {
        try (ServerProcess server = ServerProcess.attemptOn(store, settings)) {
            assertThat(server.awaitExit(EXIT_WITHIN)).isEqualTo(CANNOT_START);
            List<String> lines = server.log().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as("everything the server printed").hasSize(1);
            if (expected != null) {
                assertThat(lines.get(0)).isEqualTo(expected);
            }
            return lines.get(0);
        }
    }
}
