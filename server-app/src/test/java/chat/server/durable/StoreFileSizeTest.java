package chat.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.TestServer;
import chat.server.TestStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The default store's file grows with what it holds, not with every commit: H2 writes a new chunk
 * for each stored line (about 17 KB), and the server compacts the file as it goes.
 */
class StoreFileSizeTest {

    private static final int LINES = 1500;
    /** Fifteen hundred short lines hold well under a megabyte; uncompacted they took about 25 MB. */
    private static final long MOST_BYTES = 8L * 1024 * 1024;

    @Test
    void fifteenHundredLinesLeaveASmallFile() throws Exception {
        try (TestStore store = TestStore.onDisk();
             TestServer server = TestServer.startOn(store, "chat.store.h2-housekeeping = 100ms",
                     "chat.limits.rate = 10000", "chat.limits.burst = 10000");
             RawClient alice = RawClient.registered(server.port(), "alice")) {
            saysFifteenHundredLines(alice);
            Path file = fileOf(store);
            TestServer.Eventually.equal("the store's file is small", true, () -> sizeOf(file) < MOST_BYTES,
                    Duration.ofSeconds(20));
        }
    }

    /** A file a run left large (here one without housekeeping) is shrunk by the next run. */
    @Test
    void aFileAnEarlierRunLeftLargeIsShrunkByTheNext() throws Exception {
        try (TestStore store = TestStore.onDisk()) {
            Path file = fileOf(store);
            try (TestServer careless = TestServer.startOn(store, "chat.store.h2-housekeeping = 1h",
                    "chat.limits.rate = 10000", "chat.limits.burst = 10000");
                 RawClient alice = RawClient.registered(careless.port(), "alice")) {
                saysFifteenHundredLines(alice);
            }
            assertThat(sizeOf(file)).as("left uncompacted").isGreaterThan(MOST_BYTES);
            try (TestServer next = TestServer.startOn(store, "chat.store.h2-housekeeping = 100ms")) {
                TestServer.Eventually.equal("the store's file is small again", true, () -> sizeOf(file) < MOST_BYTES,
                        Duration.ofSeconds(20));
            }
        }
    }

    /** Alice says her lines one after the other, each echoed with the next seq. */
    private static void saysFifteenHundredLines(RawClient alice) {
        for (int i = 1; i <= LINES; i++) {
            alice.send(new ClientFrame.Say(null, "lobby", "an ordinary line of chat, number " + i));
            assertThat(alice.receive(ServerFrame.Message.class).seq()).isEqualTo(i);
        }
    }

    private static Path fileOf(TestStore store) {
        return Path.of(store.url().substring("jdbc:h2:file:".length()) + ".mv.db");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
