package chat.client;

import chat.client.net.CertificatePins;
import chat.client.net.Endpoint;
import chat.client.net.Fingerprint;
import chat.client.net.ServerList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the client remembers between runs: the last servers, nick, theme and whether it used TLS,
 * and the certificate it trusted for each TLS server. The servers are kept as the connect dialog
 * shows them, a list whose bare hosts take the port kept beside it. Never a password: the client
 * keeps one in memory only, for the reconnects of one run.
 */
public final class ConnectionPreferences implements CertificatePins {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = Endpoint.DEFAULT_PORT;
    public static final int DEFAULT_TLS_PORT = Endpoint.DEFAULT_TLS_PORT;

    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String NICK = "nick";
    private static final String THEME = "theme";
    private static final String TLS = "tls";
    /** The child node that maps host:port to the SHA-256 fingerprint of its pinned certificate. */
    private static final String CERTIFICATES = "certificates";
    private static final System.Logger LOG = System.getLogger(ConnectionPreferences.class.getName());

    private final Preferences node;

    public ConnectionPreferences(Preferences node) {
        this.node = node;
    }

    /** The node of this application in the user's preferences. */
    public static ConnectionPreferences forUser() {
        return new ConnectionPreferences(Preferences.userRoot().node("chat/swing-client"));
    }

    /** The servers of the last login, as remembered: see {@link #servers(Optional, boolean)}. */
    public ServerList servers(Optional<Integer> port) {
        return servers(port, false);
    }

    /**
     * The servers of the last login, over TLS when they were then or when {@code tls} asks for it. A
     * bare host in them takes {@code port}, or else the remembered port when it was kept for the
     * same kind of connection, or else the default port of that kind.
     */
    public ServerList servers(Optional<Integer> port, boolean tls) {
        boolean rememberedTls = node.getBoolean(TLS, false);
        boolean secure = tls || rememberedTls;
        int defaultPort = port.orElseGet(() -> secure == rememberedTls ? node.getInt(PORT, Endpoint.defaultPort(secure)) : Endpoint.defaultPort(secure));
        try {
            return ServerList.parse(node.get(HOST, DEFAULT_HOST), defaultPort).secure(secure);
        } catch (IllegalArgumentException e) {
            // Somebody edited the stored preferences by hand; the dialog shows the default for them to change.
            return ServerList.of(new Endpoint(DEFAULT_HOST, defaultPort, secure));
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
        node.putBoolean(TLS, servers.tls());
        node.put(NICK, nick);
    }

    public void rememberTheme(String theme) {
        node.put(THEME, theme);
    }

    @Override
    public Optional<Fingerprint> pinned(Endpoint server) {
        return Optional.ofNullable(certificates().get(key(server), null)).map(Fingerprint::new);
    }

    @Override
    public void pin(Endpoint server, Fingerprint fingerprint) {
        certificates().put(key(server), fingerprint.text());
        written();
    }

    @Override
    public void forget(Endpoint server) {
        certificates().remove(key(server));
        written();
    }

    private Preferences certificates() {
        return node.node(CERTIFICATES);
    }

    /**
     * Written out now rather than some time later: a pin lost to a crash would have the next
     * connection ask again, and whoever sits between client and server then gets their chance.
     */
    private void written() {
        try {
            certificates().flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "the pinned certificates could not be written: {0}", e.getMessage());
        }
    }

    /**
     * {@code host:port}, the host in lower case as DNS compares it; a key longer than preferences
     * allow (a host name of over 70 characters) is replaced by its SHA-256.
     */
    static String key(Endpoint server) {
        String key = server.host().toLowerCase(Locale.ROOT) + ":" + server.port();
        if (key.length() <= Preferences.MAX_KEY_LENGTH) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
