package chat.server;

import chat.server.store.StoreUnusable;
import chat.server.tls.TlsUnusable;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pekko.actor.CoordinatedShutdown;
import sun.misc.Signal;

/**
 * The server process: {@code chat-server [--config FILE] [--host HOST] [--port PORT] [--irc-port PORT]
 * [--tls-port PORT] [--irc-tls-port PORT]}.
 */
public final class Main {

    private static final String USAGE = String.join("\n",
            "usage: chat-server [--config FILE] [--host HOST] [--port PORT] [--irc-port PORT] [--tls-port PORT]"
                    + " [--irc-tls-port PORT]",
            "  --config FILE        HOCON settings (default conf/application.conf); -Dchat.key=value overrides any key",
            "  --host HOST          address to listen on (chat.host)",
            "  --port PORT          port to listen on (chat.port)",
            "  --irc-port PORT      port of the IRC listener (chat.irc.port; chat.irc.enabled = off turns it off)",
            "  --tls-port PORT      port of the TLS listener (chat.tls.port; chat.tls.enabled = off turns it off)",
            "  --irc-tls-port PORT  port of IRC over TLS (chat.tls.irc-port)");
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_CANNOT_START = 1;

    private Main() {}

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        ChatServer server;
        try {
            server = ChatServer.start(load(options));
        } catch (ConfigException | IllegalStateException | StoreUnusable | TlsUnusable e) {
            System.err.println("chat-server: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        // SIGTERM and Ctrl-C run the coordinated shutdown, which exits 0 once every session got its bye.
        Signal.handle(new Signal("TERM"), signal -> server.shutdownAndExit());
        Signal.handle(new Signal("INT"), signal -> server.shutdownAndExit());
    }

    private static Config load(ServerOptions options) {
        Path file = options.configFile();
        if (!Files.isReadable(file)) {
            throw new ConfigException.Generic("cannot read config file " + file.toAbsolutePath());
        }
        Config config = ConfigFactory.systemProperties()
                .withFallback(ConfigFactory.parseFile(file.toFile()))
                .withValue("pekko.coordinated-shutdown.exit-jvm", ConfigValueFactory.fromAnyRef(true));
        if (options.host() != null) {
            config = config.withValue("chat.host", ConfigValueFactory.fromAnyRef(options.host()));
        }
        if (options.port() != null) {
            config = config.withValue("chat.port", ConfigValueFactory.fromAnyRef(options.port()));
        }
        if (options.ircPort() != null) {
            config = config.withValue("chat.irc.port", ConfigValueFactory.fromAnyRef(options.ircPort()));
        }
        if (options.tlsPort() != null) {
            config = config.withValue("chat.tls.port", ConfigValueFactory.fromAnyRef(options.tlsPort()));
        }
        if (options.ircTlsPort() != null) {
            config = config.withValue("chat.tls.irc-port", ConfigValueFactory.fromAnyRef(options.ircTlsPort()));
        }
        return config;
    }
}
