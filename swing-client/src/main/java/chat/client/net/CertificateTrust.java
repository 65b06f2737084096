package chat.client.net;

/**
 * The person who decides about a server's certificate. Asked on a transport's own thread while no
 * connection is open (the handshake has already been given up), so the answer may take its time.
 */
public interface CertificateTrust {

    /** The server shows a certificate for the first time: true to pin it and connect. */
    boolean trustFirstSeen(Endpoint server, Fingerprint presented);

    /** The server shows another certificate than the pinned one. The connection is refused, whatever the person does. */
    void refusedChanged(Endpoint server, Fingerprint pinned, Fingerprint presented);

    /** Nobody to ask: trusts no certificate it has not been told about. */
    CertificateTrust NOBODY = new CertificateTrust() {
        @Override
        public boolean trustFirstSeen(Endpoint server, Fingerprint presented) {
            return false;
        }

        @Override
        public void refusedChanged(Endpoint server, Fingerprint pinned, Fingerprint presented) {
            // Refused all the same; the transport's reason says why.
        }
    };
}
