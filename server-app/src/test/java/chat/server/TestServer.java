package chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.RegistryActor;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A server in this JVM on ephemeral loopback ports, with test-sized settings layered on the
 * defaults and a store of its own, so no test sees another's rooms. The defaults are the server's
 * own (its server-defaults.conf over the reference.conf files), exactly as the process has them.
 */
public final class TestServer implements AutoCloseable {

    /**
     * Where test servers keep their self-signed TLS certificate unless a test names another
     * directory: one for every server of the module's tests, made once (keytool takes a second),
     * under target/ so that it goes with mvn clean.
     */
    public static final Path CERTIFICATE_DIR = Path.of("target", "test-tls").toAbsolutePath();
    private static final Config SHARED_CERTIFICATE =
            ConfigFactory.parseString("chat.tls.self-signed-dir = \"" + CERTIFICATE_DIR + "\"");

    private final ChatServer server;
    private final TestStore ownStore;
    private boolean closed;

    private TestServer(ChatServer server, TestStore ownStore) {
        this.server = server;
        this.ownStore = ownStore;
    }

    /** {@code overrides} are HOCON lines such as {@code chat.limits.rate = 5}; the store is a fresh in-memory one. */
    public static TestServer start(String... overrides) {
        return start(ConfigFactory.parseString(String.join("\n", overrides)));
    }

    /** A server with {@code settings} over the defaults and a fresh in-memory store. */
    public static TestServer start(Config settings) {
        TestStore store = TestStore.inMemory();
        return new TestServer(ChatServer.start(loopback(store).withFallback(settings).withFallback(SHARED_CERTIFICATE)), store);
    }

    /** A server on {@code store}, which the test owns: a second server on it finds what the first stored. */
    public static TestServer startOn(TestStore store, String... overrides) {
        return new TestServer(ChatServer.start(loopback(store)
                .withFallback(ConfigFactory.parseString(String.join("\n", overrides)))
                .withFallback(SHARED_CERTIFICATE)), null);
    }

    private static Config loopback(TestStore store) {
        return ConfigFactory.parseString(String.join("\n", "chat.port = 0", "chat.irc.port = 0", "chat.tls.port = 0",
                "chat.tls.irc-port = 0", "chat.host = \"127.0.0.1\"", store.setting()));
    }

    public int port() {
        return server.port();
    }

    public int ircPort() {
        return server.ircPort();
    }

    public int tlsPort() {
        return server.tlsPort();
    }

    public int ircTlsPort() {
        return server.ircTlsPort();
    }

    public RegistryActor.Stats stats() {
        return server.stats();
    }

    /** Waits until the registry holds exactly {@code expected}: how tests prove nothing leaked. */
    public void awaitStats(RegistryActor.Stats expected) {
        Eventually.equal("registry stats", expected, server::stats, Duration.ofSeconds(15));
    }

    /** Shuts the server down as an operator would: every session gets bye. The store stays until {@link #close()}. */
    public void shutDown() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }

    @Override
    public void close() {
        shutDown();
        if (ownStore != null) {
            ownStore.close();
        }
    }

    /** Polls with a deadline instead of sleeping for a guessed time. */
    public static final class Eventually {
        private static final long POLL_MILLIS = 20;

        private Eventually() {}

        public static <T> void equal(String what, T expected, Supplier<T> actual, Duration deadline) {
            long end = System.nanoTime() + deadline.toNanos();
            T last = actual.get();
            while (!expected.equals(last) && System.nanoTime() < end) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                last = actual.get();
            }
            assertThat(last).as(what).isEqualTo(expected);
        }
    }
}
