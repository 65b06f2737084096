package chat.client.net;

import chat.protocol.FrameCodec;

/** Opens {@link SocketTransport}s that share one codec, and for TLS servers one set of pinned certificates. */
public final class SocketTransportFactory implements TransportFactory {

    private final FrameCodec codec = new FrameCodec();
    private final CertificatePins pins;
    private final CertificateTrust trust;

    /** TLS servers are trusted by their certificates in {@code pins}; {@code trust} is asked about a certificate seen first. */
    public SocketTransportFactory(CertificatePins pins, CertificateTrust trust) {
        this.pins = pins;
        this.trust = trust;
    }

    /** For plain servers: a TLS server is refused, since nobody could be asked to trust it. */
    public SocketTransportFactory() {
        this(CertificatePins.inMemory(), CertificateTrust.NOBODY);
    }

    @Override
    public Transport open(Endpoint endpoint, TransportListener listener) {
        return SocketTransport.open(endpoint, listener, codec, pins, trust);
    }
}
