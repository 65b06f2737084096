package chat.client.testing;

import chat.client.net.ConnectFailure;
import chat.client.net.Endpoint;
import chat.client.net.SocketTransportFactory;
import chat.client.net.Transport;
import chat.client.net.TransportFactory;
import chat.client.net.TransportListener;
import chat.protocol.ClientFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real sockets behind a switch: a test pulls the cable to cut a client off, and plugs it back in.
 * It also counts the pongs the client sends, the answers to the server's heartbeat.
 */
public final class Network implements TransportFactory {

    private final TransportFactory sockets = new SocketTransportFactory();
    private final List<Transport> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger pongs = new AtomicInteger();
    private volatile boolean down;
    private volatile Endpoint movedTo;

    @Override
    public Transport open(Endpoint endpoint, TransportListener listener) {
        if (down) {
            listener.closed("the network is down", ConnectFailure.UNREACHABLE);
            return new Unplugged();
        }
        Transport transport = new CountingPongs(sockets.open(movedTo == null ? endpoint : movedTo, listener));
        open.add(transport);
        return transport;
    }

    public int pongsSent() {
        return pongs.get();
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

    private final class CountingPongs implements Transport {
        private final Transport socket;

        CountingPongs(Transport socket) {
            this.socket = socket;
        }

        @Override
        public void send(ClientFrame frame) {
            if (frame instanceof ClientFrame.Pong) {
                pongs.incrementAndGet();
            }
            socket.send(frame);
        }

        @Override
        public void expectTrafficWithin(Duration silence) {
            socket.expectTrafficWithin(silence);
        }

        @Override
        public void finish() {
            socket.finish();
        }

        @Override
        public void close() {
            socket.close();
        }
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
