package chat.server;

import java.nio.file.Path;

/** The command line of the server process. */
record ServerOptions(Path configFile, String host, Integer port, Integer ircPort, Integer tlsPort, Integer ircTlsPort,
                     boolean help) {

    private static final Path DEFAULT_CONFIG = Path.of("conf", "application.conf");

    /** @throws IllegalArgumentException with a message for the user when the arguments are wrong */
    static ServerOptions parse(String[] args) {
        Path config = DEFAULT_CONFIG;
        String host = null;
        Integer port = null;
        Integer ircPort = null;
        Integer tlsPort = null;
        Integer ircTlsPort = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new ServerOptions(config, host, port, ircPort, tlsPort, ircTlsPort, true);
                }
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = port(value(args, ++i, arg), arg);
                case "--irc-port" -> ircPort = port(value(args, ++i, arg), arg);
                case "--tls-port" -> tlsPort = port(value(args, ++i, arg), arg);
                case "--irc-tls-port" -> ircTlsPort = port(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new ServerOptions(config, host, port, ircPort, tlsPort, ircTlsPort, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number from 0 to 65535, not " + text);
        }
    }
}
