package chat.client.testing;

import chat.client.net.Endpoint;
import chat.client.net.SocketTransportFactory;
import chat.client.net.Transport;
import chat.client.net.TransportFactory;
import chat.client.net.TransportListener;
import chat.protocol.ClientFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real sockets behind a switch: a test pulls the cable to cut a client off, and plugs it back in. */
public final class Network implements TransportFactory {

    private final TransportFactory sockets = new SocketTransportFactory();
    private final List<Transport> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile Endpoint movedTo;

    @Override
    public Transport open(Endpoint endpoint, TransportListener listener) {
        if (down) {
            listener.closed("the network is down");
            return new Unplugged();
        }
        Transport transport = sockets.open(movedTo == null ? endpoint : movedTo, listener);
        open.add(transport);
        return transport;
    }

    /** Drops every connection and refuses new ones until {@link #restore}. */
    public void cut() {
        down = true;
        open.forEach(Transport::close);
        open.clear();
    }

    public void restore() {
        down = false;
    }

    /** From now on the server the client knows is reached at {@code server}: a restart on another machine. */
    public void moveServerTo(Endpoint server) {
        movedTo = server;
    }

    /** A connection that never got anywhere: what is sent into it is lost. */
    private static final class Unplugged implements Transport {
        @Override
        public void send(ClientFrame frame) {
            // Lost, as on a pulled cable.
        }

        @Override
        public void expectTrafficWithin(Duration silence) {
            // Already closed.
        }

        @Override
        public void finish() {
            // Already closed.
        }

        @Override
        public void close() {
            // Already closed.
        }
    }
}
