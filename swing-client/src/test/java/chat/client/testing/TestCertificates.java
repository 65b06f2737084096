package chat.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates made as an operator makes them, with the JDK's keytool, and the
 * SHA-256 fingerprint keytool itself reports: the client's own formatting is checked against it.
 */
public final class TestCertificates {

    private static final String PASSWORD = "changeit";
    private static final Pattern SHA256 = Pattern.compile("SHA256:\\s*([0-9A-F:]{95})");

    /** A PKCS12 keystore with one self-signed key pair, and its certificate's fingerprint as keytool prints it. */
    public record Keystore(Path file, String fingerprint) {

        /** A server-side TLS context that presents this certificate. */
        public SSLContext serverContext() {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, PASSWORD.toCharArray());
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                return context;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {}

    /** Runs {@code keytool -genkeypair} into {@code directory}/{@code name}.p12. */
    public static Keystore generate(Path directory, String name) {
        Path file = directory.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "chat", "-keyalg", "EC", "-keysize", "256", "-dname", "CN=localhost, O=" + name,
                "-validity", "30", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD, "-noprompt");
        String listing = keytool("-list", "-v", "-alias", "chat", "-keystore", file.toString(), "-storepass", PASSWORD);
        Matcher sha256 = SHA256.matcher(listing);
        if (!sha256.find()) {
            throw new IllegalStateException("keytool printed no SHA256 fingerprint:\n" + listing);
        }
        return new Keystore(file, sha256.group(1));
    }

    private static String keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // keytool's words follow the locale; the fingerprint's label is read in English.
        command.add("-J-Duser.language=en");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
