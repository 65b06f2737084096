package chat.client.net;

/** Where a server listens, and whether the client talks to it inside TLS. */
public record Endpoint(String host, int port, boolean tls) {

    /** The port the server listens on unless configured otherwise (chat.port). */
    public static final int DEFAULT_PORT = 7777;
    /** The port of the server's TLS listener unless configured otherwise (chat.tls.port). */
    public static final int DEFAULT_TLS_PORT = 7443;

    /** A server reached over a plain socket. */
    public Endpoint(String host, int port) {
        this(host, port, false);
    }

    public static int defaultPort(boolean tls) {
        return tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
    }

    /** The same server, reached with or without TLS. */
    public Endpoint secure(boolean secure) {
        return new Endpoint(host, port, secure);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
