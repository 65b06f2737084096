package chat.protocol.irc;

import chat.protocol.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one IRC connection remembers between lines: its nick, the registration in progress and
 * its login, the capabilities it enabled, its channels, and what each request it passed on was,
 * so that the answer can be told in the words of the command that asked. Not thread-safe: its
 * {@link IrcConnection} guards it.
 */
final class IrcClientState {

    /**
     * A request passed on to the session: the IRC command it came from, and the channel or nick it
     * named; or a ping carrying an {@code answer} given here, sent when the session answers the
     * ping; or one channel's part of a {@code whois}.
     */
    record Request(String id, String command, String target, byte[] answer, Whois whois) {}

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

    private static final String ID_PREFIX = "irc";
    /**
     * Ids of requests whose success is a room event, which every member gets alike (a line said,
     * a whisper's echo, a topic set): that answer is never worded for this connection, so such a
     * request is not kept waiting for it; the id itself holds what an error would need.
     */
    private static final String SELF_DESCRIBING = ID_PREFIX + ":";
    static final String NO_NICK = "*";

    String nick = NO_NICK;
    boolean registered;
    /** The nick given before registration, until a hello asks for it. */
    String pendingNick;
    /** The nick the last hello asked for: the client's name until the welcome tells it. */
    String requestedNick = NO_NICK;
    boolean userGiven;
    /** Between {@code CAP LS}/{@code CAP REQ} and {@code CAP END}, registration waits. */
    boolean negotiating;
    /** Hellos the session has not answered: while there are any, the client's lines queue behind them. */
    int hellosInFlight;
    String motd = "";
    /** The password PASS gave, for the next hello; forgotten when it proves wrong. */
    Secret password;
    /** The nick of the last hello refused before the welcome: a PASS then tries it again with that password. */
    String retryNick;
    /** The account the client is logged in to, or null for a guest. */
    String account;
    final IrcSasl sasl = new IrcSasl();
    final IrcHeldWelcome held = new IrcHeldWelcome();
    IrcCapabilities caps = IrcCapabilities.NONE;
    /** The rooms the client is in, by key, with the name shown. */
    final Map<String, String> channels = new LinkedHashMap<>();

    /**
     * Requests the session has yet to answer, by id. Each is answered once, through this
     * connection, so each is forgotten when its answer comes: however many lines a client
     * pipelines, none is confused with another.
     */
    private final Map<String, Request> waiting = new HashMap<>();
    private long nextRequest;

    /** The client's name as far as it knows it: its nick once welcomed, the nick it asked for before. */
    String name() {
        return registered ? nick : requestedNick;
    }

    /** True once lines other than registration may go to the session: welcomed, or a hello on its way. */
    boolean takesRequests() {
        return registered || hellosInFlight > 0;
    }

    /** A new request's id, remembered until its answer. */
    String remember(String command, String target) {
        return keep(new Request(nextId(), command, target, null, null));
    }

    /** A ping's id whose answer sends {@code answer}. */
    String rememberAnswer(byte[] answer) {
        return keep(new Request(nextId(), "PING", null, answer, null));
    }

    /** The id of one channel's member list asked for {@code whois}. */
    String rememberWhois(Whois whois) {
        return keep(new Request(nextId(), "WHOIS", whois.nick, null, whois));
    }

    /** The id of a request whose success is a room event: nothing is kept, the id says what it was. */
    static String describing(String command, String target) {
        return SELF_DESCRIBING + command + ":" + target;
    }

    /** The request an answer's {@code re} names, forgotten now; null for none this connection made. */
    Request recall(String re) {
        if (re == null) {
            return null;
        }
        if (re.startsWith(SELF_DESCRIBING)) {
            String[] parts = re.split(":", 3);
            return parts.length == 3 ? new Request(re, parts[1], parts[2], null, null) : null;
        }
        return waiting.remove(re);
    }

    private String nextId() {
        return ID_PREFIX + nextRequest++;
    }

    private String keep(Request request) {
        waiting.put(request.id(), request);
        return request.id();
    }
}
