package chat.protocol.irc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one IRC connection remembers between lines: its nick, the registration in progress, the
 * capabilities it enabled, its channels, and what each request it passed on was, so that the
 * answer can be told in the words of the command that asked. Not thread-safe: its {@link
 * IrcConnection} guards it.
 */
final class IrcClientState {

    /**
     * A request passed on to the session: the IRC command it came from, and the channel or nick it
     * named; or a ping carrying an {@code answer} given here, to be sent when its pong comes back.
     */
    record Request(String id, String command, String target, byte[] answer) {}

    /** A WHOIS waiting for the member lists of the asker's channels. */
    static final class Whois {
        final String nick;
        int awaiting;
        String shownAs;
        final List<String> channels = new ArrayList<>();

        Whois(String nick, int awaiting) {
            this.nick = nick;
            this.awaiting = awaiting;
        }
    }

    /**
     * The session answers one request at a time and in order, so only the last few can still be
     * waiting for their answer: a ring this long never loses one that is.
     */
    private static final int REMEMBERED_REQUESTS = 256;
    private static final String ID_PREFIX = "irc";
    static final String NO_NICK = "*";

    String nick = NO_NICK;
    boolean registered;
    /** The nick given before registration, until the session has taken or refused it. */
    String pendingNick;
    boolean userGiven;
    /** Between {@code CAP LS}/{@code CAP REQ} and {@code CAP END}, registration waits. */
    boolean negotiating;
    boolean helloInFlight;
    String motd = "";
    IrcCapabilities caps = IrcCapabilities.NONE;
    /** The rooms the client is in, by key, with the name shown. */
    final Map<String, String> channels = new LinkedHashMap<>();
    /** The WHOIS requests waiting for answers, oldest first: the session answers in order. */
    final ArrayDeque<Whois> whoises = new ArrayDeque<>();

    private final Request[] requests = new Request[REMEMBERED_REQUESTS];
    private long nextRequest;

    /** A new request's id, remembering what it was. */
    String remember(String command, String target) {
        return remember(command, target, null);
    }

    /** A ping's id whose pong sends {@code answer}. */
    String rememberAnswer(byte[] answer) {
        return remember("PING", null, answer);
    }

    private String remember(String command, String target, byte[] answer) {
        long number = nextRequest++;
        Request request = new Request(ID_PREFIX + number, command, target, answer);
        requests[(int) (number % REMEMBERED_REQUESTS)] = request;
        return request.id();
    }

    /** The request an answer's {@code re} names, or null for none this connection made. */
    Request recall(String re) {
        if (re == null || !re.startsWith(ID_PREFIX)) {
            return null;
        }
        try {
            long number = Long.parseLong(re.substring(ID_PREFIX.length()));
            Request request = requests[(int) (number % REMEMBERED_REQUESTS)];
            return request != null && request.id().equals(re) ? request : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
