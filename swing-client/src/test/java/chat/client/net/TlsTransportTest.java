package chat.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.testing.TestCertificates;
import chat.protocol.ClientFrame;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket transport over TLS against a JDK TLS server with keytool-made certificates: trust on
 * first use, a pinned certificate, a changed one, and a server that speaks no TLS.
 */
class TlsTransportTest {

    @TempDir
    static Path keys;
    private static TestCertificates.Keystore first;
    private static TestCertificates.Keystore second;

    private final FrameCodec codec = new FrameCodec();
    private final CertificatePins pins = CertificatePins.inMemory();
    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final TransportListener listener = new TransportListener() {
        @Override
        public void received(ServerFrame frame) {
            heard.add(frame);
        }

        @Override
        public void closed(String reason, ConnectFailure failure) {
            heard.add(failure + ": " + reason);
        }
    };
    private ScriptedTlsServer server;

    /** Answers the questions as told, and writes down what it was asked. */
    private final class Person implements CertificateTrust {
        private final boolean trusts;

        Person(boolean trusts) {
            this.trusts = trusts;
        }

        @Override
        public boolean trustFirstSeen(Endpoint at, Fingerprint presented) {
            asked.add("trust? " + at + " " + presented);
            return trusts;
        }

        @Override
        public void refusedChanged(Endpoint at, Fingerprint pinned, Fingerprint presented) {
            asked.add("changed: " + at + " pinned " + pinned + " now " + presented);
        }
    }

    @BeforeAll
    static void makeCertificates() {
        first = TestCertificates.generate(keys, "first");
        second = TestCertificates.generate(keys, "second");
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Object next() throws InterruptedException {
        Object item = heard.poll(15, TimeUnit.SECONDS);
        assertThat(item).as("something from the transport").isNotNull();
        return item;
    }

    private Transport open(Endpoint at, boolean trusts) {
        Transport transport = SocketTransport.open(at, listener, codec, pins, new Person(trusts));
        transport.send(new ClientFrame.Ping("p1"));
        return transport;
    }

    @Test
    void aCertificateSeenFirstIsShownByItsFingerprintAndOnceTrustedPinnedAndUsed() throws Exception {
        server = ScriptedTlsServer.start(first);

        Transport transport = open(server.endpoint(), true);

        assertThat(next()).isEqualTo(new ServerFrame.Pong("p1"));
        assertThat(asked).containsExactly("trust? " + server.endpoint() + " " + first.fingerprint());
        assertThat(pins.pinned(server.endpoint())).hasValue(new Fingerprint(first.fingerprint()));
        assertThat(server.lines()).as("what the server read, after the handshake that waited for the person")
                .containsExactly("{\"type\":\"ping\",\"id\":\"p1\"}");
        assertThat(server.failedHandshakes()).as("the handshake given up while the person was asked").isEqualTo(1);
        transport.close();
    }

    @Test
    void aPinnedCertificateConnectsWithoutAsking() throws Exception {
        server = ScriptedTlsServer.start(first);
        pins.pin(server.endpoint(), new Fingerprint(first.fingerprint()));

        Transport transport = open(server.endpoint(), false);

        assertThat(next()).isEqualTo(new ServerFrame.Pong("p1"));
        assertThat(asked).isEmpty();
        assertThat(server.failedHandshakes()).isZero();
        transport.close();
    }

    @Test
    void aChangedCertificateIsRefusedWithBothFingerprintsAndNotAByteOfChatGoesOut() throws Exception {
        server = ScriptedTlsServer.start(second);
        pins.pin(server.endpoint(), new Fingerprint(first.fingerprint()));

        open(server.endpoint(), true);

        assertThat(next()).isEqualTo("UNTRUSTED: the certificate of " + server.endpoint() + " has changed since you trusted it: "
                + "the connection was refused");
        assertThat(asked).containsExactly("changed: " + server.endpoint() + " pinned " + first.fingerprint() + " now "
                + second.fingerprint());
        assertThat(pins.pinned(server.endpoint())).as("the pin stays").hasValue(new Fingerprint(first.fingerprint()));
        server.awaitFailedHandshakes(1);
        assertThat(server.lines()).isEmpty();
        assertThat(server.accepted()).as("no second try with the new certificate").isEqualTo(1);
    }

    @Test
    void aDeclinedCertificateIsNotPinnedAndNothingIsSent() throws Exception {
        server = ScriptedTlsServer.start(first);

        open(server.endpoint(), false);

        assertThat(next()).isEqualTo("UNTRUSTED: you did not trust the certificate of " + server.endpoint());
        assertThat(pins.pinned(server.endpoint())).isEmpty();
        assertThat(server.lines()).isEmpty();
    }

    @Test
    void aServerThatSpeaksNoTlsIsToldApartFromOneThatIsDown() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Endpoint at = new Endpoint("127.0.0.1", plain.getLocalPort(), true);
            SocketTransport.open(at, listener, codec, pins, new Person(true));
            try (Socket peer = plain.accept()) {
                // What the chat server's plain port answers to bytes that are not JSON.
                peer.getOutputStream().write("{\"type\":\"error\",\"code\":\"bad-frame\",\"message\":\"not JSON\"}\n"
                        .getBytes(StandardCharsets.UTF_8));

                assertThat((String) next()).startsWith("NO_TLS: " + at + " does not speak TLS").endsWith("is it the server's TLS port?");
            }
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void fingerprintsReadInLinesOfSixteenPairs() {
        Fingerprint fingerprint = new Fingerprint(first.fingerprint());

        assertThat(fingerprint.lines(16).lines()).hasSize(2).allSatisfy(line -> assertThat(line).hasSizeBetween(47, 48));
        assertThat(fingerprint.lines(16).replace("\n", "")).isEqualTo(first.fingerprint());
    }

    /** A TLS server that answers each line with a pong carrying the line's id, and counts what it saw. */
    private static final class ScriptedTlsServer implements AutoCloseable {
        private final SSLServerSocket socket;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger accepted = new AtomicInteger();

        private ScriptedTlsServer(SSLServerSocket socket) {
            this.socket = socket;
        }

        static ScriptedTlsServer start(TestCertificates.Keystore keystore) throws IOException {
            SSLServerSocket socket = (SSLServerSocket) keystore.serverContext().getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ScriptedTlsServer server = new ScriptedTlsServer(socket);
            Thread thread = new Thread(server::serve, "scripted-tls-server");
            thread.setDaemon(true);
            thread.start();
            return server;
        }

        Endpoint endpoint() {
            return new Endpoint("127.0.0.1", socket.getLocalPort(), true);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        int failedHandshakes() {
            return failed.get();
        }

        int accepted() {
            return accepted.get();
        }

        void awaitFailedHandshakes(int count) throws InterruptedException {
            for (int i = 0; i < 500 && failed.get() < count; i++) {
                Thread.sleep(20);
            }
            assertThat(failed.get()).as("handshakes the client broke off").isEqualTo(count);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket client = (SSLSocket) socket.accept()) {
                    accepted.incrementAndGet();
                    try {
                        client.startHandshake();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        continue;
                    }
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        client.getOutputStream().write("{\"type\":\"pong\",\"re\":\"p1\"}\n".getBytes(StandardCharsets.UTF_8));
                        client.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    // The client hung up, or the test closed the server.
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
