package chat.server.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import chat.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alice on a real IRC client and bob on the JSON protocol, chatting through our server. What
 * alice sees is read from her client's own windows, what bob sees from his frames. Each subclass
 * brings a client.
 */
abstract class IrcClientConversation {

    private static final String CAROLS_PASSWORD = "carols-password";

    @TempDir
    Path home;
    @TempDir
    Path carolsHome;

    private TestServer server;
    private JsonUser bob;
    private RealIrcClient alice;
    private RealIrcClient carol;

    /** Starts the client as {@code nick}, connecting to {@code ircPort} on loopback, with {@code home} all its own. */
    abstract RealIrcClient connect(Path home, int ircPort, String nick);

    /** The same, set up by its user to log in to {@code account} with SASL PLAIN and {@code password}. */
    abstract RealIrcClient connectWithSasl(Path home, int ircPort, String nick, String account, String password);

    @BeforeEach
    void aliceConnectsWhileBobIsInTheLobby() {
        server = TestServer.start();
        bob = JsonUser.registered(server.port(), "bob", () -> alice.transcript());
        alice = connect(home, server.ircPort(), "alice");
        bob.sees("alice", PresenceEvent.JOIN);
    }

    @AfterEach
    void everyoneLeaves() {
        if (alice != null) {
            alice.close();
        }
        if (carol != null) {
            carol.close();
        }
        bob.close();
        server.close();
    }

    @Test
    void aliceIsWelcomedIntoTheLobbyAndTalksWithBob() {
        alice.awaitServerLine("Welcome to the", "alice");
        alice.awaitLine("#lobby", "alice", "has joined #lobby");

        bob.says("hi alice, from JSON");
        alice.awaitSaid("#lobby", "bob", "hi alice, from JSON");

        alice.type("#lobby", "hello bob, from IRC");
        ServerFrame.Message heard = bob.hears();
        assertThat(heard.room()).isEqualTo("lobby");
        assertThat(heard.from()).isEqualTo("alice");
        assertThat(heard.text()).isEqualTo("hello bob, from IRC");
    }

    @Test
    void whispersGoBothWays() {
        bob.whispers("alice", "psst, alice");
        alice.awaitSaid("bob", "bob", "psst, alice");

        alice.type("#lobby", "/msg bob hi");
        ServerFrame.Whisper heard = bob.hearsWhisper();
        assertThat(heard.from()).isEqualTo("alice");
        assertThat(heard.text()).isEqualTo("hi");
    }

    @Test
    void aliceRenamesHerselfAndBobSeesTheRename() {
        alice.type("#lobby", "/nick alice2");
        alice.awaitLine("#lobby", "now known as alice2");

        ServerFrame.Presence renamed = bob.sees("alice2", PresenceEvent.RENAME);
        assertThat(renamed.old()).isEqualTo("alice");
    }

    /**
     * The client asks for a nick of its own (carol_), as a user does who set it up long ago; the
     * account is the nick, so it is welcomed as carol, and takes that nick as IRC clients take the
     * one 001 names.
     */
    @Test
    void carolLogsInToHerAccountWithSaslAndIsWelcomedUnderItsNick() {
        JsonUser.registersAccount(server.port(), "carol", CAROLS_PASSWORD);
        bob.sees("carol", PresenceEvent.QUIT);

        carol = connectWithSasl(carolsHome, server.ircPort(), "carol_", "carol", CAROLS_PASSWORD);

        bob.sees("carol", PresenceEvent.JOIN);
        carol.awaitServerLine("You are now logged in as carol");
        carol.awaitLine("#lobby", "carol", "has joined #lobby");
    }

    @Test
    void aliceQuitsAndBobSeesHerGoWithHerPartingWords() {
        alice.type("#lobby", "/quit bye");

        assertThat(bob.sees("alice", PresenceEvent.QUIT).reason()).isEqualTo("client quit: bye");
    }
}
