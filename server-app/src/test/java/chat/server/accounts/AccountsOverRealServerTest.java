package chat.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.ServerProcess;
import chat.server.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts as their owners trust them, on a real server process and its embedded store: an
 * account outlives a SIGKILL, and its password is nowhere to be read afterwards, not in the
 * server's log (even at debug level) nor in the store's files, where only its Argon2id hash is.
 */
class AccountsOverRealServerTest {

    private static final String FIRST_PASSWORD = "Tr0ub4dor&3-first";
    private static final String GUESSED_PASSWORD = "mallory-guessed-this";
    private static final String NEW_PASSWORD = "correct horse battery staple";
    /** Logback at debug level for everything: what an operator turns on when hunting a bug. */
    static final String DEBUG_LOGGING = """
            <configuration>
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder>
              </appender>
              <root level="DEBUG"><appender-ref ref="CONSOLE"/></root>
            </configuration>
            """;

    @TempDir
    Path logging;

    @Test
    void anAccountOutlivesSigkillAndItsPasswordIsNeitherLoggedNorStored() throws Exception {
        Path debugLogging = Files.writeString(logging.resolve("logback-debug.xml"), DEBUG_LOGGING);
        String[] settings = {"-Dlogback.configurationFile=" + debugLogging, "-Dpekko.loglevel=DEBUG",
                "-Dpekko.log-dead-letters=on"};
        try (TestStore store = TestStore.onDisk()) {
            StringBuilder logs = new StringBuilder();
            try (ServerProcess server = ServerProcess.startOn(store, settings);
                 RawClient alice = RawClient.registered(server.port(), "alice");
                 RawClient mallory = RawClient.connect(server.port())) {
                alice.send(new ClientFrame.Register("r1", new Secret(FIRST_PASSWORD)));
                assertThat(alice.receive(ServerFrame.Registered.class).account()).isEqualTo("alice");
                mallory.send(new ClientFrame.Hello("h1", "alice", 1, "test", new Secret(GUESSED_PASSWORD)));
                mallory.receiveError(ErrorCode.AUTH_FAILED);
                alice.send(new ClientFrame.ChangePassword("p1", new Secret(FIRST_PASSWORD), new Secret(NEW_PASSWORD)));
                assertThat(alice.receive(ServerFrame.PasswordChanged.class).re()).isEqualTo("p1");
                server.kill();
                logs.append(server.log());
            }

            try (ServerProcess restarted = ServerProcess.startOn(store, settings);
                 RawClient guest = RawClient.connect(restarted.port());
                 RawClient owner = RawClient.connect(restarted.port())) {
                guest.send(new ClientFrame.Hello("h2", "alice", 1, "test"));
                assertThat(guest.receiveError(ErrorCode.AUTH_REQUIRED).message()).contains("registered account");
                owner.send(new ClientFrame.Hello("h3", "alice", 1, "test", new Secret(FIRST_PASSWORD)));
                owner.receiveError(ErrorCode.AUTH_FAILED);
                owner.send(new ClientFrame.Hello("h4", "Alice", 1, "test", new Secret(NEW_PASSWORD)));
                ServerFrame.Welcome welcome = owner.receive(ServerFrame.Welcome.class);
                assertThat(welcome.account()).as("logged in after the crash with the changed password").isEqualTo("alice");
                assertThat(welcome.nick()).isEqualTo("alice");
                restarted.close();
                logs.append(restarted.log());
            }

            assertThat(logs.toString()).as("the servers' debug logs").contains("registered account alice").contains("gave a wrong password for account alice")
                    .doesNotContain(FIRST_PASSWORD).doesNotContain(GUESSED_PASSWORD).doesNotContain(NEW_PASSWORD);
            String storeFiles = contentsOfFilesBeside(store);
            assertThat(storeFiles).as("the store's files").contains("$argon2id$")
                    .doesNotContain(FIRST_PASSWORD).doesNotContain(GUESSED_PASSWORD).doesNotContain(NEW_PASSWORD);
        }
    }

    /**
     * A room's owner, modes and bans are stored with it: after a SIGKILL the owner is still its
     * owner, the room still secret and invite-only, and the banned still out.
     */
    @Test
    void aRoomsOwnerModesAndBansOutliveSigkill() throws Exception {
        try (TestStore store = TestStore.onDisk()) {
            try (ServerProcess server = ServerProcess.startOn(store);
                 RawClient alice = RawClient.registered(server.port(), "alice")) {
                alice.send(new ClientFrame.Register(null, new Secret(FIRST_PASSWORD)));
                alice.receive(ServerFrame.Registered.class);
                alice.send(new ClientFrame.Join(null, "den", null));
                assertThat(alice.receive(ServerFrame.Joined.class).roles()).containsEntry("alice", Role.OWNER);
                alice.send(new ClientFrame.Ban(null, "den", "mallory", true));
                assertThat(alice.receive(ServerFrame.Bans.class).bans()).containsExactly("mallory");
                alice.send(new ClientFrame.Mode("m", "den", true, null, true));
                assertThat(alice.receive(ServerFrame.ModeChanged.class).re()).isEqualTo("m");
                server.kill();
            }

            try (ServerProcess restarted = ServerProcess.startOn(store);
                 RawClient mallory = RawClient.registered(restarted.port(), "mallory");
                 RawClient bob = RawClient.registered(restarted.port(), "bob");
                 RawClient alice = RawClient.connect(restarted.port())) {
                mallory.send(new ClientFrame.Join("j", "den", null));
                mallory.receiveError(ErrorCode.BANNED);
                bob.send(new ClientFrame.Rooms("r"));
                assertThat(bob.receive(ServerFrame.RoomList.class).rooms()).as("a secret room, after the crash")
                        .extracting(ServerFrame.RoomSummary::room).doesNotContain("den");
                bob.send(new ClientFrame.Join("j", "den", null));
                bob.receiveError(ErrorCode.INVITE_ONLY);

                alice.send(new ClientFrame.Hello(null, "alice", 1, "test", new Secret(FIRST_PASSWORD)));
                alice.receive(ServerFrame.Welcome.class);
                alice.receive(ServerFrame.Joined.class);
                alice.send(new ClientFrame.Join(null, "den", null));
                ServerFrame.Joined den = alice.receive(ServerFrame.Joined.class);
                assertThat(den.roles()).as("the owner, after the crash").containsEntry("alice", Role.OWNER);
                assertThat(den.mode()).isEqualTo(new RoomMode(true, false, true));
            }
        }
    }

    /** Every byte of the store's folder, read as Latin-1 so that no byte is lost to decoding. */
    private static String contentsOfFilesBeside(TestStore store) throws IOException {
        Path folder = Path.of(store.url().substring("jdbc:h2:file:".length())).getParent();
        StringBuilder contents = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(contents).as("the store has files in %s", folder).isNotEmpty();
        return contents.toString();
    }
}
