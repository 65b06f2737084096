package chat.server.tls;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code chat.tls} settings: the TLS listeners' ports and the certificate they present; see
 * conf/application.conf for what each one means.
 *
 * @param keystore the operator's PKCS12 keystore; empty for the server's own self-signed one
 * @param selfSignedDir where the self-signed keystore and its password are kept
 */
public record TlsSettings(boolean enabled, int port, int ircPort, Optional<Path> keystore, String keystorePassword,
                          Path selfSignedDir, List<String> protocols, Duration handshakeTimeout) {

    public static TlsSettings from(Config tls) {
        String keystore = tls.getString("keystore");
        return new TlsSettings(tls.getBoolean("enabled"), tls.getInt("port"), tls.getInt("irc-port"),
                keystore.isEmpty() ? Optional.empty() : Optional.of(Path.of(keystore)),
                tls.getString("keystore-password"), Path.of(tls.getString("self-signed-dir")),
                List.copyOf(tls.getStringList("protocols")), tls.getDuration("handshake-timeout"));
    }
}
