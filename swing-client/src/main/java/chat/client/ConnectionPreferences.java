package chat.client;

import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the client remembers between runs: the last servers, nick and theme. The servers are kept
 * as the connect dialog shows them, a list whose bare hosts take the port kept beside it.
 */
public final class ConnectionPreferences {

    public static final String DEFAULT_HOST = "localhost";
    /** The port the server listens on unless configured otherwise (chat.port). */
    public static final int DEFAULT_PORT = 7777;

    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String NICK = "nick";
    private static final String THEME = "theme";

    private final Preferences node;

    public ConnectionPreferences(Preferences node) {
        this.node = node;
    }

    /** The node of this application in the user's preferences. */
    public static ConnectionPreferences forUser() {
        return new ConnectionPreferences(Preferences.userRoot().node("chat/swing-client"));
    }

    /** The servers of the last login; a bare host in them takes {@code port}, or else the remembered port. */
    public ServerList servers(Optional<Integer> port) {
        int defaultPort = port.orElseGet(() -> node.getInt(PORT, DEFAULT_PORT));
        try {
            return ServerList.parse(node.get(HOST, DEFAULT_HOST), defaultPort);
        } catch (IllegalArgumentException e) {
            // Somebody edited the stored preferences by hand; the dialog shows the default for them to change.
            return ServerList.of(new Endpoint(DEFAULT_HOST, defaultPort));
        }
    }

    public String nick() {
        return node.get(NICK, System.getProperty("user.name", ""));
    }

    public String theme() {
        return node.get(THEME, "light");
    }

    /** Keeps the first server's port as the port, so that a single server is remembered as host and port as before. */
    public void remember(ServerList servers, String nick) {
        int port = servers.get(0).port();
        node.put(HOST, servers.text(port));
        node.putInt(PORT, port);
        node.put(NICK, nick);
    }

    public void rememberTheme(String theme) {
        node.put(THEME, theme);
    }
}
