package chat.client.net;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprint each TLS server's certificate had when the user first trusted it: trust on
 * first use, as SSH keeps its known hosts. A server is named by host and port.
 */
public interface CertificatePins {

    Optional<Fingerprint> pinned(Endpoint server);

    void pin(Endpoint server, Fingerprint fingerprint);

    /** Forgets the pin, so that the next connection asks the user about the certificate again. */
    void forget(Endpoint server);

    /** Pins kept only while the program runs. */
    static CertificatePins inMemory() {
        Map<String, Fingerprint> pins = new ConcurrentHashMap<>();
        return new CertificatePins() {
            @Override
            public Optional<Fingerprint> pinned(Endpoint server) {
                return Optional.ofNullable(pins.get(server.toString()));
            }

            @Override
            public void pin(Endpoint server, Fingerprint fingerprint) {
                pins.put(server.toString(), fingerprint);
            }

            @Override
            public void forget(Endpoint server) {
                pins.remove(server.toString());
            }
        };
    }
}
