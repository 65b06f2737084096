package chat.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.actors.RegistryActor;
import chat.protocol.ClientFrame;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.TestServer;
import chat.server.irc.IrcRawClient;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People chatting over TLS, JSON and IRC, with each other and with people on the plain ports: the
 * same rooms, the same server. Clients trust the server's certificate as someone it was handed to
 * would; whatever is not TLS costs the server one connection, which it closes.
 */
class ChatOverTlsTest {

    private static final RegistryActor.Stats NOBODY = new RegistryActor.Stats(0, 0, 0);

    private TestServer server;
    private SSLContext trust;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        // A long registration timeout, so that a peer cut early was cut by the handshake timeout.
        server = TestServer.start("chat.tls.handshake-timeout = 2s", "chat.limits.register-timeout = 60s");
        trust = ServerTrust.trusting(ServerTrust.certificateIn(TestServer.CERTIFICATE_DIR));
    }

    @AfterEach
    void stopServer() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        server.close();
    }

    private <T extends AutoCloseable> T kept(T client) {
        clients.add(client);
        return client;
    }

    @Test
    void aJsonClientOverTlsTalksWithOneOnThePlainPort() {
        RawClient alice = kept(RawClient.connectTls(server.tlsPort(), trust));
        alice.send(new ClientFrame.Hello(null, "alice", 1, "tls-test/1"));
        assertThat(alice.receive(ServerFrame.Welcome.class).nick()).isEqualTo("alice");
        assertThat(alice.receive(ServerFrame.Joined.class).room()).isEqualTo("lobby");

        RawClient bob = kept(RawClient.registered(server.port(), "bob"));
        alice.awaitPresence("bob", PresenceEvent.JOIN);

        alice.send(new ClientFrame.Say(null, "lobby", "hello from inside TLS"));
        ServerFrame.Message heard = bob.receiveSkipping(ServerFrame.Message.class);
        assertThat(heard.from() + ": " + heard.text()).isEqualTo("alice: hello from inside TLS");

        bob.send(new ClientFrame.Say(null, "lobby", "hi alice, plain here"));
        assertThat(alice.receiveSkipping(ServerFrame.Message.class).text()).isEqualTo("hello from inside TLS");
        ServerFrame.Message answer = alice.receiveSkipping(ServerFrame.Message.class);
        assertThat(answer.from() + ": " + answer.text()).isEqualTo("bob: hi alice, plain here");
    }

    @Test
    void anIrcClientRegistersOverTlsAndTalksWithAJsonClientOverTls() {
        IrcRawClient carol = kept(IrcRawClient.over(RawClient.connectTls(server.ircTlsPort(), trust)));
        carol.send("NICK carol", "USER carol 0 * :Carol");
        assertThat(carol.awaitLine(line -> line.contains(" 001 "))).startsWith(":pekko-chat 001 carol :Welcome");
        carol.awaitLine(line -> line.contains(" 366 carol #lobby "));

        RawClient dave = kept(RawClient.connectTls(server.tlsPort(), trust));
        dave.hello("dave");
        carol.awaitLine(line -> line.equals(":dave!dave@pekko-chat JOIN #lobby"));

        carol.send("PRIVMSG #lobby :hello from IRC over TLS");
        ServerFrame.Message heard = dave.receiveSkipping(ServerFrame.Message.class);
        assertThat(heard.from() + ": " + heard.text()).isEqualTo("carol: hello from IRC over TLS");

        dave.send(new ClientFrame.Say(null, "lobby", "hi carol"));
        carol.awaitLine(line -> line.equals(":dave!dave@pekko-chat PRIVMSG #lobby :hi carol"));
    }

    @Test
    void plainTextOnTheTlsPortIsClosedWithoutAWelcomeWhileOthersChatOn() {
        RawClient alice = kept(RawClient.connectTls(server.tlsPort(), trust));
        alice.hello("alice");

        try (RawClient confused = RawClient.connect(server.tlsPort())) {
            confused.sendLine("{\"type\":\"hello\",\"nick\":\"x\"}");
            assertThat(new String(confused.readBytesUntilClosed(), StandardCharsets.ISO_8859_1))
                    .as("what the server sent before it closed").doesNotContain("welcome");
        }

        alice.assertAlive("still here");
        RawClient bob = kept(RawClient.connectTls(server.tlsPort(), trust));
        bob.hello("bob");
        bob.assertAlive("and me");
        server.awaitStats(new RegistryActor.Stats(2, 2, 1));
    }

    @Test
    void aClientThatRefusesTheCertificateIsClosedAndLeavesNothingBehind() throws Exception {
        SSLContext trustingOnlyTheUsualAuthorities = SSLContext.getDefault();
        assertThatThrownBy(() -> RawClient.connectTls(server.tlsPort(), trustingOnlyTheUsualAuthorities))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
        server.awaitStats(NOBODY);

        RawClient alice = kept(RawClient.connectTls(server.tlsPort(), trust));
        alice.hello("alice");
        alice.assertAlive("fine");
    }

    @Test
    void aPeerThatNeverStartsItsHandshakeIsCutAfterTheHandshakeTimeout() {
        try (RawClient silent = RawClient.connect(server.tlsPort())) {
            assertThat(silent.readBytesUntilClosed()).as("what the server sent before it closed").isEmpty();
        }
        server.awaitStats(NOBODY);
    }

    @Test
    void byeOverTlsIsAnsweredBeforeTheConnectionCloses() {
        try (RawClient alice = RawClient.connectTls(server.tlsPort(), trust)) {
            alice.hello("alice");
            alice.send(new ClientFrame.Bye(null, null));
            alice.assertByeAndClose("client quit");
        }
        server.awaitStats(NOBODY);
    }

    @Test
    void aServerShuttingDownSaysByeToTlsClientsToo() {
        RawClient alice = kept(RawClient.connectTls(server.tlsPort(), trust));
        alice.hello("alice");
        IrcRawClient carol = kept(IrcRawClient.over(RawClient.connectTls(server.ircTlsPort(), trust)));
        carol.send("NICK carol", "USER carol 0 * :Carol");
        carol.awaitLine(line -> line.contains(" 366 carol #lobby "));

        server.shutDown();

        alice.assertByeAndClose("server shutting down");
        carol.assertClosedWith("server shutting down");
    }
}
