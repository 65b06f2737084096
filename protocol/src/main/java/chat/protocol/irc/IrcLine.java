package chat.protocol.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One line a client sent, parsed as the IRC message format: {@code [@tags] [:source] COMMAND
 * params [:trailing]}. Client tags and the source are read past and ignored: a client cannot
 * speak for anyone but itself. The command is upper-cased, so {@code privmsg} works too.
 */
public record IrcLine(String command, List<String> params) {

    /** Commands whose parameters are, or may hold, a password. */
    private static final Set<String> SECRET_PARAMS = Set.of("PASS", "AUTHENTICATE", "NICKSERV", "NS");

    public IrcLine {
        params = List.copyOf(params);
    }

    /** The line parsed; null when it holds no command (only spaces, tags or a source). */
    public static IrcLine parse(String line) {
        int at = 0;
        if (line.startsWith("@")) {
            at = skipWord(line, at);
        }
        at = skipSpaces(line, at);
        if (at < line.length() && line.charAt(at) == ':') {
            at = skipSpaces(line, skipWord(line, at));
        }
        int commandEnd = skipWord(line, at);
        if (commandEnd == at) {
            return null;
        }
        String command = line.substring(at, commandEnd).toUpperCase(Locale.ROOT);
        List<String> params = new ArrayList<>();
        at = skipSpaces(line, commandEnd);
        while (at < line.length()) {
            if (line.charAt(at) == ':') {
                params.add(line.substring(at + 1));
                break;
            }
            int end = skipWord(line, at);
            params.add(line.substring(at, end));
            at = skipSpaces(line, end);
        }
        return new IrcLine(command, params);
    }

    /** The parameter at {@code index}, or null when the client sent fewer. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    /**
     * The line without its parameters when they may hold a password ({@code PASS}, {@code
     * AUTHENTICATE}, anything for NickServ), so that no log line or error that shows it shows one.
     */
    @Override
    public String toString() {
        return "IrcLine[command=" + command + ", params=" + (holdsSecret() ? "(hidden)" : params) + "]";
    }

    private boolean holdsSecret() {
        if (SECRET_PARAMS.contains(command)) {
            return true;
        }
        String targets = param(0);
        return (command.equals("PRIVMSG") || command.equals("NOTICE")) && targets != null
                && List.of(targets.split(",")).stream().anyMatch(IrcNickServ::named);
    }

    private static int skipWord(String line, int at) {
        while (at < line.length() && line.charAt(at) != ' ') {
            at++;
        }
        return at;
    }

    private static int skipSpaces(String line, int at) {
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at;
    }
}
