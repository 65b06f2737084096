package chat.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The certificate and private key the TLS listeners present, opened once at start from a PKCS12
 * keystore: the operator's ({@code chat.tls.keystore}) or the server's own self-signed one.
 */
public final class ServerCertificate {

    private static final String KEYSTORE_TYPE = "PKCS12";
    /** What {@code openssl x509 -fingerprint -sha256} prints, so people can compare the two by eye. */
    private static final HexFormat FINGERPRINT = HexFormat.ofDelimiter(":").withUpperCase();

    private final SSLContext context;
    private final X509Certificate certificate;
    private final Keystore keystore;

    private ServerCertificate(SSLContext context, X509Certificate certificate, Keystore keystore) {
        this.context = context;
        this.certificate = certificate;
        this.keystore = keystore;
    }

    /**
     * The configured keystore, or the self-signed one under {@code chat.tls.self-signed-dir},
     * made on first use.
     *
     * @throws TlsUnusable when the keystore cannot be opened or holds no single key to present
     */
    public static ServerCertificate open(TlsSettings settings) {
        Keystore keystore = settings.keystore()
                .map(file -> new Keystore(file, settings.keystorePassword().toCharArray(), false))
                .orElseGet(() -> SelfSignedKeystore.openOrCreate(settings.selfSignedDir()));
        return open(keystore);
    }

    private static ServerCertificate open(Keystore keystore) {
        KeyStore store = load(keystore);
        try {
            String alias = onlyKeyEntry(store, keystore);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, keystore.password());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new ServerCertificate(context, (X509Certificate) store.getCertificate(alias), keystore);
        } catch (GeneralSecurityException e) {
            throw new TlsUnusable("cannot use the key in the TLS keystore " + keystore.file() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Keystore keystore) {
        try (InputStream in = Files.newInputStream(keystore.file())) {
            KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(in, keystore.password());
            return store;
        } catch (NoSuchFileException e) {
            throw new TlsUnusable("cannot open the TLS keystore " + keystore.file() + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new TlsUnusable("cannot open the TLS keystore " + keystore.file() + ": permission denied", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsUnusable("cannot open the TLS keystore " + keystore.file() + " (PKCS12): " + e.getMessage(), e);
        }
    }

    /** The server presents one certificate, so the keystore must name it unambiguously. */
    private static String onlyKeyEntry(KeyStore store, Keystore keystore) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new TlsUnusable("the TLS keystore " + keystore.file() + " must hold exactly one private key with its "
                    + "certificate; it holds " + keys.size() + (keys.isEmpty() ? "" : " " + keys));
        }
        return keys.get(0);
    }

    /** The context every TLS connection's engine is made from. */
    SSLContext context() {
        return context;
    }

    /** The SHA-256 of the certificate, as colon-separated upper-case hex pairs. */
    public String fingerprint() {
        try {
            return FINGERPRINT.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has SHA-256 and can encode the certificate it loaded", e);
        }
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Whom the certificate names, as {@code CN=...}. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public Path keystore() {
        return keystore.file().toAbsolutePath();
    }

    /** True when this start made the keystore: the first start without chat.tls.keystore. */
    public boolean madeNow() {
        return keystore.madeNow();
    }
}
