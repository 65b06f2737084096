package chat.client.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint, written as {@code openssl x509 -noout -fingerprint -sha256}
 * and {@code keytool -list -v} write it (upper-case hex pairs joined by colons), so that a person
 * can hold the one the client shows against the one the server's operator reads out.
 */
public record Fingerprint(String text) {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    public Fingerprint {
        text = text.strip().toUpperCase(Locale.ROOT);
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate that cannot be encoded has no fingerprint", e);
        }
    }

    /** The fingerprint in lines of {@code pairsPerLine} hex pairs: 95 characters do not fit a dialog's width. */
    public String lines(int pairsPerLine) {
        String[] pairs = text.split(":");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i++) {
            out.append(pairs[i]);
            if (i < pairs.length - 1) {
                out.append(i % pairsPerLine == pairsPerLine - 1 ? ":\n" : ":");
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
