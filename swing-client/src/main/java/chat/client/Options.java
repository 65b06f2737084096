package chat.client;

import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import java.util.Optional;

/**
 * Command-line options: {@code --host H[:P],H2[:P2],… --port P --tls --nick N --theme light|dark}.
 * With a nick the client logs in at once; the other values fall back to the ones remembered from
 * the last run. A bare host in {@code --host} takes {@code --port}, or else the default port (of
 * TLS with {@code --tls}); the port is kept on its own for the remembered servers when there is no
 * {@code --host}. There is no password option: a command line is seen by every user of the machine.
 */
public record Options(Optional<ServerList> servers, Optional<Integer> port, Optional<String> nick, Optional<String> theme,
        boolean tls) {

    public static final String USAGE = """
            usage: chat-client [--host HOST[:PORT][,HOST[:PORT]...]] [--port PORT] [--tls] [--nick NICK] [--theme light|dark]
              --host   the server, or the servers of one cluster separated by commas; when the connection
                       drops, the client reconnects to the next one in the list
              --port   the port of a host given without one (default %d, or %d with --tls)
              --tls    connect inside TLS; the first time a server shows its certificate you are asked
                       to trust it, and a certificate that changes later is refused""".formatted(
                    ConnectionPreferences.DEFAULT_PORT, ConnectionPreferences.DEFAULT_TLS_PORT);

    /** Options for a plain connection. */
    public Options(Optional<ServerList> servers, Optional<Integer> port, Optional<String> nick, Optional<String> theme) {
        this(servers, port, nick, theme, false);
    }

    /** @throws IllegalArgumentException with a sentence for the user when the arguments make no sense */
    public static Options parse(String... args) {
        String host = null;
        Integer port = null;
        String nick = null;
        String theme = null;
        boolean tls = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--tls")) {
                tls = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = port(value);
                case "--nick" -> nick = value;
                case "--theme" -> theme = theme(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        Optional<ServerList> servers = host == null ? Optional.empty()
                : Optional.of(servers(host, port == null ? Endpoint.defaultPort(tls) : port).secure(tls));
        return new Options(servers, Optional.ofNullable(port), Optional.ofNullable(nick), Optional.ofNullable(theme), tls);
    }

    private static ServerList servers(String value, int defaultPort) {
        try {
            return ServerList.parse(value, defaultPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--host " + e.getMessage());
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same sentence as an out-of-range number.
        }
        throw new IllegalArgumentException("--port takes a number from 1 to 65535, not " + value);
    }

    private static String theme(String value) {
        if (value.equalsIgnoreCase("light") || value.equalsIgnoreCase("dark")) {
            return value.toLowerCase(java.util.Locale.ROOT);
        }
        throw new IllegalArgumentException("--theme is light or dark, not " + value);
    }
}
