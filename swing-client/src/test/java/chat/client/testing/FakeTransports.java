package chat.client.testing;

import chat.client.net.ConnectFailure;
import chat.client.net.Endpoint;
import chat.client.net.Transport;
import chat.client.net.TransportFactory;
import chat.client.net.TransportListener;
import chat.protocol.ClientFrame;
import chat.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An in-memory server side: records what the client sends and lets a test answer as the server. */
public final class FakeTransports implements TransportFactory {

    /** One connection: the server it went to, the frames the client sent on it, and a way to talk back. */
    public static final class Link implements Transport {
        private final Endpoint endpoint;
        private final TransportListener listener;
        private final List<ClientFrame> sent = new ArrayList<>();
        private boolean closed;

        Link(Endpoint endpoint, TransportListener listener) {
            this.endpoint = endpoint;
            this.listener = listener;
        }

        public Endpoint endpoint() {
            return endpoint;
        }

        @Override
        public void send(ClientFrame frame) {
            sent.add(frame);
        }

        @Override
        public void expectTrafficWithin(Duration silence) {
            // Nothing is silent in memory.
        }

        @Override
        public void finish() {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        public List<ClientFrame> sent() {
            return sent;
        }

        public ClientFrame lastSent() {
            return sent.get(sent.size() - 1);
        }

        public boolean closed() {
            return closed;
        }

        public void serverSends(ServerFrame... frames) {
            for (ServerFrame frame : frames) {
                listener.received(frame);
            }
        }

        public void drop(String reason) {
            listener.closed(reason, null);
        }

        /** The connection never opened, for the reason a socket gives. */
        public void cannotConnect(String reason, ConnectFailure failure) {
            listener.closed(reason, failure);
        }
    }

    private final List<Link> links = new ArrayList<>();

    @Override
    public Transport open(Endpoint endpoint, TransportListener listener) {
        Link link = new Link(endpoint, listener);
        links.add(link);
        return link;
    }

    /** How many connections the client opened. */
    public int count() {
        return links.size();
    }

    public Link last() {
        return links.get(links.size() - 1);
    }
}
