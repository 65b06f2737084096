package chat.client;

import java.util.prefs.Preferences;

/** What the client remembers between runs: the last server, nick and theme. */
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

    public String host() {
        return node.get(HOST, DEFAULT_HOST);
    }

    public int port() {
        return node.getInt(PORT, DEFAULT_PORT);
    }

    public String nick() {
        return node.get(NICK, System.getProperty("user.name", ""));
    }

    public String theme() {
        return node.get(THEME, "light");
    }

    public void remember(String host, int port, String nick) {
        node.put(HOST, host);
        node.putInt(PORT, port);
        node.put(NICK, nick);
    }

    public void rememberTheme(String theme) {
        node.put(THEME, theme);
    }
}
