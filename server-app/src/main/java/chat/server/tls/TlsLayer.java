package chat.server.tls;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.TLSClosing;
import org.apache.pekko.stream.TLSClosing$;
import org.apache.pekko.stream.TLSProtocol;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.TLS;
import org.apache.pekko.util.ByteString;

/**
 * TLS around one connection's byte flow: Pekko Streams' TLS stage, with a JDK {@link SSLEngine} per
 * connection. The flow inside sees the same plaintext a plain listener's would, so the wire
 * protocols and sessions do not know TLS is there.
 */
public final class TlsLayer {

    /**
     * The session stops reading before its last frames (a bye) are out; only the end of what it
     * writes ends the TLS session (close_notify), as it half-closes a plain connection. (Reached
     * through the Scala object: Java sees no static ignoreCancel(), whose name its instance method has.)
     */
    private static final TLSClosing CLOSING = TLSClosing$.MODULE$.ignoreCancel();

    private final ServerCertificate certificate;
    private final String[] protocols;
    private final Duration handshakeTimeout;

    /** @throws TlsUnusable when {@code protocols} names one this Java cannot speak */
    public TlsLayer(ServerCertificate certificate, List<String> protocols, Duration handshakeTimeout) {
        List<String> supported = Arrays.asList(certificate.context().getSupportedSSLParameters().getProtocols());
        if (protocols.isEmpty() || !supported.containsAll(protocols)) {
            throw new TlsUnusable("chat.tls.protocols is " + protocols + "; this Java speaks " + supported);
        }
        this.certificate = certificate;
        this.protocols = protocols.toArray(String[]::new);
        this.handshakeTimeout = handshakeTimeout;
    }

    /** The ciphertext flow of one connection whose plaintext is {@code plaintext}; one per connection. */
    public Flow<ByteString, ByteString, NotUsed> around(Flow<ByteString, ByteString, NotUsed> plaintext) {
        CompletableFuture<SSLSession> handshaken = new CompletableFuture<>();
        Flow<TLSProtocol.SslTlsInbound, TLSProtocol.SslTlsOutbound, NotUsed> inside = Flow.of(TLSProtocol.SslTlsInbound.class)
                .mapError(SSLException.class, failure -> new TlsFailed(failure.getMessage()))
                .collectType(TLSProtocol.SessionBytes.class)
                .map(TLSProtocol.SessionBytes::bytes)
                .via(plaintext)
                .map(bytes -> (TLSProtocol.SslTlsOutbound) new TLSProtocol.SendBytes(bytes));
        return Flow.of(ByteString.class)
                .merge(deadline(handshaken), true)
                .via(TLS.create(this::newEngine, handshaken::complete, CLOSING).reversed().join(inside));
    }

    /**
     * Emits nothing; fails when the handshake has not finished in time. A peer that connects and
     * says nothing (or not TLS, slowly) would otherwise hold its connection for ever: until its
     * handshake is done, the TLS stage cannot close it.
     */
    private Source<ByteString, NotUsed> deadline(CompletableFuture<SSLSession> handshaken) {
        return Source.completionStage(handshaken)
                .completionTimeout(handshakeTimeout)
                .mapError(TimeoutException.class, late -> new TlsFailed("no handshake within " + handshakeTimeout.toSeconds() + " s"))
                .mapConcat(session -> List.<ByteString>of())
                // Eagerly merged, it must not end first: the connection's bytes end the connection.
                .concat(Source.never());
    }

    private SSLEngine newEngine() {
        SSLEngine engine = certificate.context().createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(protocols);
        return engine;
    }

    /** A TLS connection failed (plain text, a client refusing the certificate, a stalled handshake): one line, no trace. */
    static final class TlsFailed extends RuntimeException {
        TlsFailed(String reason) {
            super("TLS: " + reason, null, false, false);
        }
    }
}
