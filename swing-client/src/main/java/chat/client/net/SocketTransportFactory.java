package chat.client.net;

import chat.protocol.FrameCodec;

/** Opens {@link SocketTransport}s that share one codec. */
public final class SocketTransportFactory implements TransportFactory {

    private final FrameCodec codec = new FrameCodec();

    @Override
    public Transport open(Endpoint endpoint, TransportListener listener) {
        return SocketTransport.open(endpoint, listener, codec);
    }
}
