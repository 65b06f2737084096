package chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.RegistryActor;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.function.Supplier;

/** A server in this JVM on an ephemeral loopback port, with test-sized settings layered on the defaults. */
public final class TestServer implements AutoCloseable {

    private final ChatServer server;

    private TestServer(ChatServer server) {
        this.server = server;
    }

    /** {@code overrides} are HOCON lines such as {@code chat.limits.rate = 5}. */
    public static TestServer start(String... overrides) {
        String config = "chat.port = 0\nchat.host = \"127.0.0.1\"\n" + String.join("\n", overrides);
        return new TestServer(ChatServer.start(ConfigFactory.parseString(config).withFallback(ConfigFactory.load())));
    }

    public int port() {
        return server.port();
    }

    public RegistryActor.Stats stats() {
        return server.stats();
    }

    /** Waits until the registry holds exactly {@code expected}: how tests prove nothing leaked. */
    public void awaitStats(RegistryActor.Stats expected) {
        Eventually.equal("registry stats", expected, server::stats, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        server.close();
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
