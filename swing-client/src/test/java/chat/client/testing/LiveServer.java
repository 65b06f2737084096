package chat.client.testing;

import chat.client.net.Endpoint;
import chat.server.ChatServer;
import com.typesafe.config.ConfigFactory;

/** The real server, in this JVM, on a free loopback port. */
public final class LiveServer implements AutoCloseable {

    private final ChatServer server;

    private LiveServer(ChatServer server) {
        this.server = server;
    }

    /** Starts a server with {@code hocon} over the defaults. */
    public static LiveServer start(String hocon) {
        return new LiveServer(ChatServer.start(ConfigFactory.parseString("chat.port = 0\nchat.host = \"127.0.0.1\"\n" + hocon)
                .withFallback(ConfigFactory.load())));
    }

    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.port());
    }

    @Override
    public void close() {
        server.close();
    }
}
