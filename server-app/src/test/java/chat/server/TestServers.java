package chat.server;

import com.typesafe.config.ConfigFactory;

/** Servers for tests: loopback, an ephemeral port, the given settings over the defaults. */
public final class TestServers {

    private TestServers() {}

    public static ChatServer start(String hoconOverrides) {
        return ChatServer.start(ConfigFactory.parseString("chat.port = 0\nchat.host = \"127.0.0.1\"\n" + hoconOverrides)
                .withFallback(ConfigFactory.load()));
    }

    public static ChatServer start() {
        return start("");
    }
}
