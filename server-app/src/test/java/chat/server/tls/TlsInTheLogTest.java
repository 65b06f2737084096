package chat.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.RawClient;
import chat.server.ServerProcess;
import chat.server.TestServer;
import chat.server.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of TLS, in the server's own log: the certificate's fingerprint, the same
 * after a restart; a keystore the server cannot open, named in one line; plain text sent to the
 * TLS port, one line and no stack trace.
 */
class TlsInTheLogTest {

    private static final Pattern FINGERPRINT = Pattern.compile("TLS certificate SHA-256 fingerprint: (\\S+)$");
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(60);
    private static final int CANNOT_START = 1;
    private static final String OPERATOR_PASSWORD = "operator's secret";

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesACertificateAndLogsItsFingerprintAndTheNextStartPresentsTheSameOne() throws Exception {
        Path tls = data.resolve("tls");
        String firstFingerprint;
        try (ServerProcess first = ServerProcess.start("-Dchat.tls.self-signed-dir=" + tls)) {
            firstFingerprint = fingerprintIn(first);
            assertThat(first.log()).contains("(self-signed, made by this start)");
        }
        X509Certificate made = ServerTrust.certificateIn(tls);
        assertThat(firstFingerprint).isEqualTo(ServerTrust.sha256(made));
        assertThat(made.getSubjectX500Principal().getName()).startsWith("CN=");
        assertThat(permissionsOf(tls)).isEqualTo("rwx------");
        assertThat(permissionsOf(tls.resolve("keystore.p12"))).isEqualTo("rw-------");
        assertThat(permissionsOf(tls.resolve("keystore.password"))).isEqualTo("rw-------");
        byte[] keystore = Files.readAllBytes(tls.resolve("keystore.p12"));

        try (ServerProcess second = ServerProcess.start("-Dchat.tls.self-signed-dir=" + tls);
             RawClient alice = RawClient.connectTls(second.tlsPort(), ServerTrust.trusting(made))) {
            assertThat(fingerprintIn(second)).isEqualTo(firstFingerprint);
            assertThat(second.log()).doesNotContain("made by this start");
            alice.hello("alice");
        }
        assertThat(Files.readAllBytes(tls.resolve("keystore.p12"))).as("the keystore, after the second start").isEqualTo(keystore);
    }

    @Test
    void aKeystoreTheOperatorNamesIsPresentedAndNoSelfSignedOneIsMade() throws Exception {
        Path keystore = operatorKeystore(data.resolve("chat.example.p12"));
        Path selfSigned = data.resolve("tls");
        try (ServerProcess server = ServerProcess.start("-Dchat.tls.keystore=" + keystore,
                "-Dchat.tls.keystore-password=" + OPERATOR_PASSWORD, "-Dchat.tls.self-signed-dir=" + selfSigned);
             RawClient alice = RawClient.connectTls(server.tlsPort(), ServerTrust.trusting(certificateIn(keystore)))) {
            assertThat(fingerprintIn(server)).isEqualTo(ServerTrust.sha256(certificateIn(keystore)));
            assertThat(server.log()).contains("TLS certificate CN=chat.example, valid until ");
            alice.hello("alice");
        }
        assertThat(selfSigned).doesNotExist();
    }

    @Test
    void aKeystoreThatCannotBeOpenedStopsTheServerWithOneLine() throws Exception {
        Path missing = data.resolve("missing.p12");
        refusedWith("chat-server: cannot open the TLS keystore " + missing + ": no such file",
                "-Dchat.tls.keystore=" + missing);

        Path keystore = operatorKeystore(data.resolve("chat.example.p12"));
        refusedWith("chat-server: cannot open the TLS keystore " + keystore + " (PKCS12): keystore password was incorrect",
                "-Dchat.tls.keystore=" + keystore, "-Dchat.tls.keystore-password=a wrong guess");
    }

    @Test
    void plainTextOnTheTlsPortIsOneLineInTheLogAndNoStackTrace() {
        try (ServerProcess server = ServerProcess.start()) {
            try (RawClient confused = RawClient.connect(server.tlsPort())) {
                confused.sendLine("{\"type\":\"hello\",\"nick\":\"x\"}");
                confused.readBytesUntilClosed();
            }
            TestServer.Eventually.equal("the log tells of the closed connection", true,
                    () -> server.log().contains("connection lost: TLS: "), RawClient.PATIENCE);
            List<String> told = server.log().lines().filter(line -> line.contains("TLS: ")).toList();
            assertThat(told).singleElement().asString()
                    .matches(".* disconnect 127\\.0\\.0\\.1:\\d+: connection lost: TLS: Unrecognized SSL message, plaintext connection\\?");
            assertThat(server.log().lines().filter(line -> line.startsWith("\tat ") || line.contains("Exception")))
                    .as("stack traces").isEmpty();
            assertThat(server.isAlive()).isTrue();
        }
    }

    private static String fingerprintIn(ServerProcess server) {
        server.port();
        List<String> fingerprints = server.log().lines().map(FINGERPRINT::matcher).filter(Matcher::find)
                .map(found -> found.group(1)).toList();
        assertThat(fingerprints).as("fingerprints in the log").hasSize(1);
        assertThat(fingerprints.get(0)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        return fingerprints.get(0);
    }

    /** A keystore as an operator would make one for a real name, with keytool. */
    private static Path operatorKeystore(Path file) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", "chat.example", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=chat.example", "-ext", "SAN=dns:chat.example,dns:localhost", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", OPERATOR_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
        return file;
    }

    private static X509Certificate certificateIn(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, OPERATOR_PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate("chat.example");
    }

    private static String permissionsOf(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Starts a server that must exit at once, having printed {@code expected} and nothing else. */
    private static void refusedWith(String expected, String... settings) throws Exception {
        try (TestStore store = TestStore.onDisk();
             ServerProcess server = ServerProcess.attemptOn(store, settings)) {
            assertThat(server.awaitExit(EXIT_WITHIN)).isEqualTo(CANNOT_START);
            assertThat(server.log().lines().filter(line -> !line.isBlank())).as("everything the server printed")
                    .containsExactly(expected);
        }
    }
}
