package chat.server.irc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Irssi, the terminal IRC client, run in a terminal of its own with a fresh home: it logs each
 * window to a file of its own, which is where its user's view is read from.
 */
final class IrssiClient implements RealIrcClient {

    /** Irssi's first window, where the server's own lines go; no channel or nick can have this name. */
    private static final String STATUS_WINDOW = "(status)";

    private final Tmux terminal;
    private final ClientLogs logs;

    private IrssiClient(Tmux terminal, ClientLogs logs) {
        this.terminal = terminal;
        this.logs = logs;
    }

    /** Starts irssi as {@code nick}, connecting to the IRC port {@code port} on loopback; {@code home} is its own. */
    static IrssiClient connect(Path home, int port, String nick) {
        return start(home, nick, " -c 127.0.0.1 -p " + port, List.of());
    }

    /**
     * Starts irssi as {@code nick}, logging in to {@code account} with SASL PLAIN: as its user
     * sets it up, a network that says so, a server of it, and a connect to that network.
     */
    static IrssiClient connectWithSasl(Path home, int port, String nick, String account, String password) {
        return start(home, nick, "", List.of(
                "/network add -sasl_mechanism PLAIN -sasl_username " + account + " -sasl_password " + password + " chat",
                "/server add -network chat 127.0.0.1 " + port,
                "/connect chat"));
    }

    /** {@code connecting} is what the command line adds to connect; {@code startup} what the startup file adds. */
    private static IrssiClient start(Path home, String nick, String connecting, List<String> startup) {
        Installed.require("irssi", "irssi");
        Path logDir = home.resolve("logs");
        try {
            Files.createDirectories(logDir);
            Files.writeString(home.resolve("config"), config(nick, logDir));
            // Irssi runs its startup file in the first window, before it connects: from then on that window is logged too.
            Files.writeString(home.resolve("startup"), "/window log on " + logDir.resolve(STATUS_WINDOW + ".log") + "\n"
                    + String.join("\n", startup) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tmux terminal = Tmux.run(home, "irssi --home=" + quoted(home) + " -n " + nick + connecting);
        return new IrssiClient(terminal, new ClientLogs(logDir, () -> "== irssi's screen\n" + terminal.screen()));
    }

    /**
     * Names the user as the nick; logs every channel and private chat; takes lines typed faster
     * than a person types as typed, not as a paste to confirm, and sends them at once, where it
     * would hold them back as flood; shows a line said as {@code <bob> hi} whatever bob's modes.
     */
    private static String config(String nick, Path logDir) {
        return """
                settings = {
                  core = { user_name = "%1$s"; real_name = "%1$s"; };
                  "irc/core" = { cmd_queue_speed = "0"; cmds_max_at_once = "100"; };
                  "fe-common/core" = { autolog = "yes"; autolog_path = "%2$s/$0.log"; show_nickmode_empty = "no"; };
                  "fe-text" = { paste_detect_time = "0"; };
                };
                """.formatted(nick, logDir);
    }

    /**
     * Waits for the window, as its user would; irssi opens the window of a channel the server
     * joined it to without going there, so the user goes there first.
     */
    @Override
    public void type(String window, String line) {
        logs.awaitFile(logOf(window));
        terminal.typeLine("/window goto " + window);
        terminal.typeLine(line);
    }

    @Override
    public String awaitServerLine(String... pieces) {
        return awaitLine(STATUS_WINDOW, pieces);
    }

    @Override
    public String awaitLine(String window, String... pieces) {
        return logs.awaitLine(logOf(window), pieces);
    }

    @Override
    public String awaitSaid(String window, String nick, String text) {
        return awaitLine(window, "<" + nick + "> " + text);
    }

    @Override
    public String transcript() {
        return logs.everything();
    }

    @Override
    public void close() {
        terminal.close();
    }

    private static String logOf(String window) {
        return window + ".log";
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
