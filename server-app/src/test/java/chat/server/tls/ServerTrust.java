package chat.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a client that was handed the server's certificate trusts: that certificate alone, read out
 * of the self-signed keystore as an operator would copy it out for the server's users.
 */
final class ServerTrust {

    private ServerTrust() {}

    /** The certificate in the self-signed keystore that a server keeps in {@code dir}. */
    static X509Certificate certificateIn(Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve("keystore.p12"))) {
            char[] password = Files.readString(dir.resolve("keystore.password"), StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, password);
            return (X509Certificate) keystore.getCertificate(keystore.aliases().nextElement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts {@code certificate} and nothing else. */
    static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("chat-server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate's SHA-256 as {@code openssl x509 -fingerprint -sha256} shows it. */
    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
