package chat.client.net;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server's certificate when, and only when, it is the one pinned for that server. No
 * certificate authority and no host name count: a chat server's certificate is mostly
 * self-signed, and the pin says more about it than either could. Extended, so that JSSE does not
 * wrap it with a host name check of its own.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    /** What the handshake met instead of the pinned certificate; {@code pinned} is null for a server seen for the first time. */
    record Refusal(Fingerprint pinned, Fingerprint presented) {}

    private final Endpoint server;
    private final CertificatePins pins;
    private volatile Refusal refusal;

    PinningTrustManager(Endpoint server, CertificatePins pins) {
        this.server = server;
        this.pins = pins;
    }

    /** Why the last handshake was refused by this manager; empty when it was not. */
    Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server showed no certificate");
        }
        Fingerprint presented = Fingerprint.of(chain[0]);
        Optional<Fingerprint> pinned = pins.pinned(server);
        if (pinned.isPresent() && pinned.get().equals(presented)) {
            return;
        }
        refusal = new Refusal(pinned.orElse(null), presented);
        throw new CertificateException(pinned.isPresent() ? "the certificate of " + server + " is not the pinned one"
                : "the certificate of " + server + " is not pinned yet");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a chat client trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a chat client trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a chat client trusts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
