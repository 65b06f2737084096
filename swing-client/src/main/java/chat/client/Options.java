package chat.client;

import java.util.Optional;

/**
 * Command-line options: {@code --host H --port P --nick N --theme light|dark}. With a nick the
 * client logs in at once; the other values fall back to the ones remembered from the last run.
 */
public record Options(Optional<String> host, Optional<Integer> port, Optional<String> nick, Optional<String> theme) {

    public static final String USAGE = "usage: chat-client [--host HOST] [--port PORT] [--nick NICK] [--theme light|dark]";

    /** @throws IllegalArgumentException with a sentence for the user when the arguments make no sense */
    public static Options parse(String... args) {
        String host = null;
        Integer port = null;
        String nick = null;
        String theme = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
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
        return new Options(Optional.ofNullable(host), Optional.ofNullable(port), Optional.ofNullable(nick), Optional.ofNullable(theme));
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
