package chat.client.net;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/** Puts a connected socket inside TLS 1.3 or 1.2, trusting the server by its pinned certificate alone. */
final class TlsHandshake {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** The server's certificate is not the pinned one (or none is pinned yet): the handshake stopped before a byte of chat. */
    static final class Untrusted extends IOException {
        private final transient PinningTrustManager.Refusal refusal;

        Untrusted(PinningTrustManager.Refusal refusal, SSLException cause) {
            super(cause.getMessage(), cause);
            this.refusal = refusal;
        }

        PinningTrustManager.Refusal refusal() {
            return refusal;
        }
    }

    private TlsHandshake() {}

    /**
     * Shakes hands over {@code connected}, waiting at most {@code timeout} for the server.
     *
     * @throws Untrusted when the certificate is not the one pinned for {@code server}
     * @throws SSLException when the server does not speak TLS, or no version or cipher both sides know
     */
    static SSLSocket secure(Socket connected, Endpoint server, CertificatePins pins, Duration timeout) throws IOException {
        PinningTrustManager trust = new PinningTrustManager(server, pins);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 has TLS", e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(connected, server.host(), server.port(), true);
        tls.setEnabledProtocols(PROTOCOLS);
        tls.setUseClientMode(true);
        connected.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        try {
            tls.startHandshake();
        } catch (SSLException e) {
            if (trust.refusal().isPresent()) {
                throw new Untrusted(trust.refusal().get(), e);
            }
            throw e;
        }
        // The chat's own silence limit is set once the server said how often it pings.
        connected.setSoTimeout(0);
        return tls;
    }
}
