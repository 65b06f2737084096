package chat.client.testing;

import chat.client.net.Endpoint;
import chat.server.TestServer;
import chat.server.TestStore;

/** The real server, in this JVM, on a free loopback port, as the client's tests reach it. */
public final class LiveServer implements AutoCloseable {

    private final TestServer server;

    private LiveServer(TestServer server) {
        this.server = server;
    }

    /** Starts a server with {@code hocon} over the defaults. */
    public static LiveServer start(String hocon) {
        return new LiveServer(TestServer.start(hocon));
    }

    /** Starts a server on {@code store}, which the test owns: servers on one store serve the same rooms, as a cluster's nodes do. */
    public static LiveServer startOn(TestStore store, String hocon) {
        return new LiveServer(TestServer.startOn(store, hocon));
    }

    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.port());
    }

    /** Its TLS listener, with the self-signed certificate the server made itself. */
    public Endpoint tlsEndpoint() {
        return new Endpoint("127.0.0.1", server.tlsPort(), true);
    }

    @Override
    public void close() {
        server.close();
    }
}
