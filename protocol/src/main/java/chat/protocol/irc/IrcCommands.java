package chat.protocol.irc;

import chat.protocol.ClientFrame;
import chat.protocol.Names;
import chat.protocol.ProtocolLimits;
import chat.protocol.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client's IRC command means: the requests it makes of its session (the same records a
 * JSON client's frames become), or a reply given here at once for what the session does not deal
 * in (capabilities, modes, away). One per connection, used under its {@link IrcConnection}'s lock.
 */
final class IrcCommands {

    private static final String CLIENT = "irc";
    private static final String PART_ALL = "0";
    /**
     * The most targets one command takes, as ISUPPORT's TARGMAX tells clients: each target is a
     * request of its own, and requests count against the rate limit.
     */
    private static final Map<String, Integer> TARGET_LIMITS = new TreeMap<>(Map.of(
            "JOIN", 10, "PART", 10, "PRIVMSG", 4, "NOTICE", 4, "NAMES", 10, "WHOIS", 1));

    private final IrcProtocol protocol;
    private final IrcClientState state;
    private final IrcNickServ nickServ;
    private List<ClientFrame> requests;
    private IrcOutput reply;

    IrcCommands(IrcProtocol protocol, IrcClientState state) {
        this.protocol = protocol;
        this.state = state;
        this.nickServ = new IrcNickServ(state, this::request, words -> IrcNickServ.notice(reply, state.nick, words));
    }

    /** ISUPPORT's TARGMAX token. */
    static String targetLimits() {
        StringBuilder token = new StringBuilder("TARGMAX=");
        TARGET_LIMITS.forEach((command, limit) -> token.append(token.length() > 8 ? "," : "").append(command)
                .append(':').append(limit));
        return token.toString();
    }

    /**
     * The line's requests for the session. What is answered here goes through the session too,
     * as a ping that carries it: the session answers the ping (with a pong, or before the welcome
     * with not-registered) in order, so the answer comes after those to the client's earlier
     * lines, and every line counts for the rate limit like a JSON frame. Once a hello is on its
     * way, lines are passed on behind it rather than refused, as a bot sends them.
     */
    IrcConnection.Reading read(IrcLine line) {
        this.requests = new ArrayList<>(1);
        this.reply = new IrcOutput();
        if (!state.takesRequests() && !IrcRegistrationRules.allowedBeforeWelcome(line.command())) {
            numeric(Numeric.ERR_NOTREGISTERED, "You have not registered");
        } else {
            dispatch(line);
        }
        if (state.registered && line.command().equals("CAP")) {
            // Capabilities change the lines that follow at once: the ACK must not wait behind earlier answers.
            requests.add(new ClientFrame.Pong(null));
            return new IrcConnection.Reading(requests, reply.toBytes());
        }
        return carried();
    }

    /** {@code answer}, given for a line the codec could not take (too long, not UTF-8), carried as any answer is. */
    IrcConnection.Reading answer(byte[] answer) {
        this.requests = new ArrayList<>(1);
        this.reply = new IrcOutput().raw(answer);
        return carried();
    }

    private IrcConnection.Reading carried() {
        passAnswerOn();
        if (requests.isEmpty()) {
            requests.add(state.registered ? new ClientFrame.Pong(null) : new ClientFrame.Ping(state.rememberAnswer(IrcOutput.NOTHING)));
        }
        return new IrcConnection.Reading(requests, IrcOutput.NOTHING);
    }

    private void dispatch(IrcLine line) {
        switch (line.command()) {
            case "CAP" -> cap(line);
            case "NICK" -> nick(line);
            case "USER" -> user(line);
            case "PASS" -> pass(line);
            case "AUTHENTICATE" -> authenticate(line);
            case "PING" -> ping(line);
            case "PONG" -> pong();
            case "QUIT" -> request(new ClientFrame.Bye(state.remember("QUIT", null),
                    IrcText.partingWords(line.param(0), protocol.server().topicLength())));
            case "JOIN" -> join(line);
            case "PART" -> part(line);
            case "PRIVMSG", "NOTICE" -> say(line);
            case "TOPIC" -> topic(line);
            case "NAMES" -> names(line);
            case "WHO" -> who(line);
            case "WHOIS" -> whois(line);
            case "LIST" -> request(new ClientFrame.Rooms(state.remember("LIST", line.param(0))));
            case "MODE" -> mode(line);
            case "KICK" -> kick(line);
            case "INVITE" -> invite(line);
            case "AWAY" -> away(line);
            case "USERHOST" -> userhost(line);
            case "MOTD" -> IrcReplies.motd(protocol.server(), state, reply);
            case "CHATHISTORY" -> chathistory(line);
            case "NICKSERV", "NS" -> nickServ.told(String.join(" ", line.params()));
            default -> numeric(Numeric.ERR_UNKNOWNCOMMAND, line.command(), "Unknown command");
        }
    }

    /** A request for the session, behind what was answered here so far. */
    private void request(ClientFrame frame) {
        passAnswerOn();
        requests.add(frame);
    }

    private void passAnswerOn() {
        byte[] answer = reply.toBytes();
        if (answer.length > 0) {
            requests.add(new ClientFrame.Ping(state.rememberAnswer(answer)));
            reply = new IrcOutput();
        }
    }

    private void cap(IrcLine line) {
        String sub = line.param(0) == null ? "" : line.param(0).toUpperCase(Locale.ROOT);
        String server = protocol.server().name();
        switch (sub) {
            case "LS" -> {
                state.negotiating = !state.registered;
                reply.line(null, server, "CAP", state.nick, "LS", IrcCapability.offered(isVersion302(line.param(1))));
            }
            case "LIST" -> reply.line(null, server, "CAP", state.nick, "LIST", state.caps.names());
            case "REQ" -> capRequest(line.param(1) == null ? "" : line.param(1));
            case "END" -> {
                state.negotiating = false;
                helloWhenReady();
            }
            default -> numeric(Numeric.ERR_INVALIDCAPCMD, sub.isEmpty() ? "*" : sub, "Invalid CAP command");
        }
    }

    /** {@code CAP LS 302} (or a later version): the client reads capabilities' values, such as {@code sasl=PLAIN}. */
    private static boolean isVersion302(String version) {
        try {
            return version != null && Integer.parseInt(version) >= 302;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** All or nothing, as the spec asks: one unknown name refuses the whole request. */
    private void capRequest(String asked) {
        state.negotiating = !state.registered;
        IrcCapabilities changed = state.caps;
        for (String name : asked.trim().split(" +")) {
            boolean off = name.startsWith("-");
            IrcCapability capability = IrcCapability.named(off ? name.substring(1) : name);
            if (capability == null) {
                reply.line(null, protocol.server().name(), "CAP", state.nick, "NAK", asked);
                return;
            }
            changed = changed.with(capability, !off);
        }
        state.caps = changed;
        reply.line(null, protocol.server().name(), "CAP", state.nick, "ACK", asked);
    }

    private void nick(IrcLine line) {
        String nick = line.param(0);
        if (nick == null || nick.isEmpty()) {
            numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
        } else if (state.registered) {
            request(new ClientFrame.Nick(state.remember("NICK", nick), nick));
        } else {
            state.pendingNick = nick;
            state.retryNick = null;
            helloWhenReady();
        }
    }

    private void user(IrcLine line) {
        if (state.registered) {
            numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
        } else if (line.params().size() < 4) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "USER", "Not enough parameters");
        } else {
            state.userGiven = true;
            helloWhenReady();
        }
    }

    /**
     * The password the registration's hello logs in with: the nick is the account. After a
     * hello was refused (a wrong password, or the nick is an account's), a PASS tries that nick
     * again at once, as the connection stays open for another hello.
     */
    private void pass(IrcLine line) {
        if (state.registered) {
            numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
        } else if (line.params().isEmpty() || line.param(0).isEmpty()) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "PASS", "Not enough parameters");
        } else {
            state.password = new Secret(line.param(0));
            if (state.retryNick != null && state.pendingNick == null && state.hellosInFlight == 0) {
                state.pendingNick = state.retryNick;
                state.retryNick = null;
                helloWhenReady();
            }
        }
    }

    /**
     * SASL PLAIN: the credentials become the hello at once, since the client waits for the
     * verdict (903 or 904) before it ends negotiation; what that hello is welcomed with is held
     * until then ({@link IrcHeldWelcome}). The account is the nick, so the account the client
     * names is the nick it gets, whatever NICK said.
     */
    private void authenticate(IrcLine line) {
        if (state.registered || state.hellosInFlight > 0) {
            if (state.account != null) {
                numeric(Numeric.ERR_SASLALREADY, "You have already authenticated using SASL");
            } else {
                numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: you log in when you connect, before registering");
            }
            return;
        }
        String param = line.param(0);
        if (param == null || param.isEmpty()) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "AUTHENTICATE", "Not enough parameters");
            return;
        }
        IrcSasl.Step step = state.sasl.read(param);
        switch (step.kind()) {
            case CHALLENGE -> reply.line(null, null, "AUTHENTICATE", "+");
            case MORE -> { }
            case CREDENTIALS -> {
                state.held.start();
                request(new ClientFrame.Hello(state.remember("AUTHENTICATE", step.account()), step.account(), null, CLIENT,
                        step.password()));
            }
            case UNKNOWN_MECHANISM -> {
                numeric(Numeric.RPL_SASLMECHS, IrcSasl.MECHANISM, "are available SASL mechanisms");
                numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed");
            }
            case TOO_LONG -> numeric(Numeric.ERR_SASLTOOLONG, "SASL message too long");
            case ABORTED -> numeric(Numeric.ERR_SASLABORTED, "SASL authentication aborted");
            case MALFORMED -> numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: " + step.why());
            case ALREADY -> numeric(Numeric.ERR_SASLALREADY, "You have already authenticated using SASL");
            case BUSY -> numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: a login is being checked already");
        }
    }

    /**
     * Once NICK, USER and CAP END are in: the session registers the nick as it would a JSON
     * client's hello (with PASS's password, if any). A NICK sent while a hello is on its way is
     * another hello behind it: the one that counts if the first nick was taken. A client logged
     * in with SASL was welcomed already: what was held for it is released instead.
     */
    private void helloWhenReady() {
        if (state.pendingNick == null || !state.userGiven || state.negotiating) {
            return;
        }
        if (state.sasl.loggedIn()) {
            askForRelease();
            state.pendingNick = null;
            return;
        }
        if (state.sasl.abandon()) {
            numeric(Numeric.ERR_SASLABORTED, "SASL authentication aborted: registration ended before the response came");
        }
        // A SASL login still being checked is ahead of this hello: if it succeeds, this one is
        // refused as already registered, and that refusal releases what was held.
        state.hellosInFlight++;
        state.requestedNick = state.pendingNick;
        request(new ClientFrame.Hello(state.remember("HELLO", state.pendingNick), state.pendingNick, null, CLIENT,
                state.password));
        state.pendingNick = null;
    }

    /**
     * Asks for the answer that releases what is held for a SASL login: the default room's own
     * answer to a WHO, written in the room's order; if its join has not come yet, the join will
     * release, and this ping only stands in for a session with no room to join.
     */
    private void askForRelease() {
        if (state.held.releaseId != null) {
            return;
        }
        String room = state.channels.isEmpty() ? null : state.channels.values().iterator().next();
        if (room != null) {
            state.held.releaseId = state.remember("CAP END", room);
            request(new ClientFrame.Who(state.held.releaseId, room));
        } else {
            state.held.releaseId = state.rememberAnswer(IrcOutput.NOTHING);
            state.held.releaseOnJoin = true;
            request(new ClientFrame.Ping(state.held.releaseId));
        }
    }

    private void ping(IrcLine line) {
        String token = line.param(0);
        if (token == null) {
            numeric(Numeric.ERR_NOORIGIN, "No origin specified");
        } else if (state.registered) {
            request(new ClientFrame.Ping(state.remember("PING", token)));
        } else {
            // Before the welcome the session answers no ping: the pong is given here, carried through it.
            String server = protocol.server().name();
            reply.line(null, server, "PONG", server, token);
        }
    }

    private void pong() {
        if (state.registered) {
            request(new ClientFrame.Pong(null));
        }
    }

    private void join(IrcLine line) {
        String channels = line.param(0);
        if (channels == null) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "JOIN", "Not enough parameters");
            return;
        }
        if (channels.equals(PART_ALL)) {
            for (String room : state.channels.values()) {
                request(new ClientFrame.Leave(state.remember("PART", IrcChannel.of(room)), room));
            }
            return;
        }
        for (String channel : targets("JOIN", channels)) {
            String room = roomOf(channel);
            if (room != null) {
                request(new ClientFrame.Join(state.remember("JOIN", channel), room, null));
            }
        }
    }

    private void part(IrcLine line) {
        String channels = line.param(0);
        if (channels == null) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "PART", "Not enough parameters");
            return;
        }
        for (String channel : targets("PART", channels)) {
            String room = roomOf(channel);
            if (room != null) {
                request(new ClientFrame.Leave(state.remember("PART", channel), room));
            }
        }
    }

    /**
     * PRIVMSG and NOTICE alike: to a channel it is a line said in the room, to a nick a whisper.
     * A NOTICE never earns an error reply, as the RFC asks, so two bots cannot loop.
     */
    private void say(IrcLine line) {
        String command = line.command();
        boolean notice = command.equals("NOTICE");
        if (line.param(0) == null || line.param(0).isEmpty()) {
            if (!notice) {
                numeric(Numeric.ERR_NORECIPIENT, "No recipient given (" + command + ")");
            }
            return;
        }
        if (line.param(1) == null || line.param(1).isEmpty()) {
            if (!notice) {
                numeric(Numeric.ERR_NOTEXTTOSEND, "No text to send");
            }
            return;
        }
        // Null for a CTCP request other than ACTION, which is dropped unanswered.
        String text = IrcText.fromIrc(state.name(), line.param(1));
        for (String target : targets(command, line.param(0))) {
            if (IrcNickServ.named(target)) {
                // Never a whisper: what is written to NickServ may be a password. A NOTICE is not answered.
                if (!notice) {
                    nickServ.told(line.param(1));
                }
            } else if (text != null) {
                String id = IrcClientState.describing(command, target);
                request(IrcChannel.meant(target) ? new ClientFrame.Say(id, IrcChannel.room(target), text)
                        : new ClientFrame.Whisper(id, target, text));
            }
        }
    }

    private void topic(IrcLine line) {
        String channel = line.param(0);
        if (channel == null) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "TOPIC", "Not enough parameters");
            return;
        }
        String room = roomOf(channel);
        if (room == null) {
            return;
        }
        if (line.params().size() < 2) {
            request(new ClientFrame.Rooms(state.remember("TOPIC", channel)));
        } else {
            request(new ClientFrame.Topic(IrcClientState.describing("TOPIC", channel), room, line.param(1)));
        }
    }

    private void names(IrcLine line) {
        if (line.param(0) == null) {
            numeric(Numeric.RPL_ENDOFNAMES, "*", "End of /NAMES list");
            return;
        }
        for (String channel : targets("NAMES", line.param(0))) {
            if (IrcChannel.named(channel)) {
                request(new ClientFrame.Who(state.remember("NAMES", channel), IrcChannel.room(channel)));
            } else {
                numeric(Numeric.RPL_ENDOFNAMES, channel, "End of /NAMES list");
            }
        }
    }

    /** WHO lists a channel's members; people are not looked up by nick or mask, so other WHOs find no one. */
    private void who(IrcLine line) {
        String mask = line.param(0);
        if (mask != null && IrcChannel.named(mask)) {
            request(new ClientFrame.Who(state.remember("WHO", mask), IrcChannel.room(mask)));
        } else {
            numeric(Numeric.RPL_ENDOFWHO, mask == null ? "*" : mask, "End of /WHO list");
        }
    }

    /**
     * WHOIS finds a person in the channels the asker shares with them, by asking each channel
     * for its members; someone who shares none is not revealed (docs/irc.md).
     */
    private void whois(IrcLine line) {
        if (line.params().isEmpty()) {
            numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        String nick = line.param(line.params().size() - 1);
        boolean self = Names.key(nick).equals(Names.key(state.nick));
        if (self || state.channels.isEmpty()) {
            IrcClientState.Whois whois = new IrcClientState.Whois(nick, 0);
            if (self) {
                whois.shownAs = state.nick;
                whois.channels.addAll(state.channels.values());
            }
            IrcReplies.endOfWhois(protocol.server(), state, whois, reply);
            return;
        }
        IrcClientState.Whois whois = new IrcClientState.Whois(nick, state.channels.size());
        for (String room : state.channels.values()) {
            request(new ClientFrame.Who(state.rememberWhois(whois), room));
        }
    }

    /**
     * {@code CHATHISTORY LATEST #room * n} and {@code CHATHISTORY BEFORE #room msgid=room/seq n}:
     * the pages a JSON client gets from {@code history}. The other subcommands need lines after
     * a point, which the chat does not page by; they are refused with a standard FAIL reply.
     */
    private void chathistory(IrcLine line) {
        String sub = line.param(0) == null ? "" : line.param(0).toUpperCase(Locale.ROOT);
        String channel = line.param(1);
        String reference = line.param(2);
        Integer limit = historyLimit(line.param(3));
        if (channel == null || reference == null || limit == null) {
            fail("INVALID_PARAMS", sub, "CHATHISTORY takes a subcommand, a channel, a reference and a limit of 1 to "
                    + ProtocolLimits.MAX_HISTORY_LIMIT);
            return;
        }
        if (!IrcChannel.named(channel)) {
            fail("INVALID_TARGET", sub, channel, "only channels have a history here");
            return;
        }
        Long before;
        if (sub.equals("LATEST") && reference.equals("*")) {
            before = null;
        } else if (sub.equals("BEFORE") && (before = seqOf(reference)) != null) {
            // The page ends before the referenced line.
        } else {
            fail("INVALID_PARAMS", sub, "only LATEST * and BEFORE msgid=... are supported");
            return;
        }
        request(new ClientFrame.History(state.remember("CHATHISTORY", channel), IrcChannel.room(channel), before, limit));
    }

    private static Integer historyLimit(String text) {
        try {
            int limit = Integer.parseInt(text);
            return limit >= 1 && limit <= ProtocolLimits.MAX_HISTORY_LIMIT ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The {@code seq} in a {@code msgid=room/seq[.piece]} reference, or null for any other reference. */
    private static Long seqOf(String reference) {
        String prefix = "msgid=";
        int slash = reference.lastIndexOf('/');
        if (!reference.startsWith(prefix) || slash < 0) {
            return null;
        }
        String seq = reference.substring(slash + 1);
        int piece = seq.indexOf('.');
        try {
            return Long.parseLong(piece < 0 ? seq : seq.substring(0, piece));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A standard reply (IRCv3 standard-replies): {@code FAIL CHATHISTORY CODE context... :words}. */
    private void fail(String code, String... contextAndWords) {
        String[] params = new String[contextAndWords.length + 2];
        params[0] = "CHATHISTORY";
        params[1] = code;
        System.arraycopy(contextAndWords, 0, params, 2, contextAndWords.length);
        reply.line(null, protocol.server().name(), "FAIL", params);
    }

    /** There are no channel or user modes to set; queries get the truthful empty answer clients wait for on join. */
    private void mode(IrcLine line) {
        String target = line.param(0);
        if (target == null) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "MODE", "Not enough parameters");
            return;
        }
        String change = line.param(1);
        if (IrcChannel.meant(target)) {
            if (change == null || change.replaceAll("[+-]", "").isEmpty()) {
                numeric(Numeric.RPL_CHANNELMODEIS, target, "+");
            } else if (change.replace("+", "").equals("b") && line.param(2) == null) {
                numeric(Numeric.RPL_ENDOFBANLIST, target, "End of channel ban list");
            } else {
                channelMode(target, change, line.params().subList(2, line.params().size()));
            }
        } else if (!Names.key(target).equals(Names.key(state.nick))) {
            numeric(Numeric.ERR_USERSDONTMATCH, "Can't change mode for other users");
        } else if (change == null) {
            numeric(Numeric.RPL_UMODEIS, "+i");
        } else if (change.equals("+i")) {
            // Everyone is invisible here (nobody is shown to people who share no channel with
            // them); confirmed as servers confirm a mode set, since clients such as irssi wait for it.
            reply.line(null, protocol.server().sourceOf(state.nick), "MODE", state.nick, "+i");
        } else {
            numeric(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag: the only user mode is +i, always set");
        }
    }

    /**
     * {@code MODE #room +im-s}, {@code +o nick}, {@code -b nick!*@*}: the flags become one mode
     * request, each {@code o} and {@code b} with its argument a request of its own.
     */
    private void channelMode(String channel, String change, List<String> arguments) {
        String room = roomOf(channel);
        if (room == null) {
            return;
        }
        Boolean[] flags = new Boolean[3];
        boolean adding = true;
        int argument = 0;
        for (char letter : change.toCharArray()) {
            switch (letter) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i' -> flags[0] = adding;
                case 'm' -> flags[1] = adding;
                case 's' -> flags[2] = adding;
                case 'o', 'b' -> {
                    if (argument >= arguments.size()) {
                        numeric(Numeric.ERR_NEEDMOREPARAMS, "MODE", "Not enough parameters: " + letter + " needs a nick");
                        return;
                    }
                    String nick = IrcModes.nickOfMask(arguments.get(argument++));
                    request(letter == 'o' ? new ClientFrame.Op(state.remember("MODE", channel), room, nick, adding)
                            : new ClientFrame.Ban(state.remember("MODE", channel), room, nick, adding));
                }
                default -> {
                    numeric(Numeric.ERR_UNKNOWNMODE, String.valueOf(letter),
                            "is unknown mode char to me: channel modes are " + IrcModes.CHANMODES.replace(",", ""));
                    return;
                }
            }
        }
        if (flags[0] != null || flags[1] != null || flags[2] != null) {
            request(new ClientFrame.Mode(state.remember("MODE", channel), room, flags[0], flags[1], flags[2]));
        }
    }

    private void kick(IrcLine line) {
        if (line.param(1) == null) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "KICK", "Not enough parameters");
            return;
        }
        String room = roomOf(line.param(0));
        if (room != null) {
            // A kick must work whatever its reason holds, as a QUIT does.
            String reason = IrcText.partingWords(line.param(2), protocol.server().topicLength());
            request(new ClientFrame.Kick(state.remember("KICK", line.param(0)), room, line.param(1), reason));
        }
    }

    private void invite(IrcLine line) {
        if (line.param(1) == null) {
            numeric(Numeric.ERR_NEEDMOREPARAMS, "INVITE", "Not enough parameters");
            return;
        }
        String room = roomOf(line.param(1));
        if (room != null) {
            request(new ClientFrame.Invite(state.remember("INVITE", line.param(1)), room, line.param(0)));
        }
    }

    /** Accepted so clients can mark themselves away; nobody else is told, since the chat has no away state. */
    private void away(IrcLine line) {
        if (line.param(0) == null || line.param(0).isEmpty()) {
            numeric(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
        } else {
            numeric(Numeric.RPL_NOWAWAY, "You have been marked as being away");
        }
    }

    private void userhost(IrcLine line) {
        StringBuilder found = new StringBuilder();
        for (String nick : line.params()) {
            if (Names.key(nick).equals(Names.key(state.nick))) {
                found.append(found.length() == 0 ? "" : " ").append(state.nick).append("=+").append(state.nick).append('@').append(protocol.server().host());
            }
        }
        numeric(Numeric.RPL_USERHOST, found.toString());
    }

    /**
     * The targets of a comma-separated list, empty ones skipped; none, with ERR_TOOMANYTARGETS
     * sent, when there are more than the command takes.
     */
    private List<String> targets(String command, String list) {
        List<String> targets = new ArrayList<>();
        for (String target : list.split(",")) {
            if (!target.isEmpty()) {
                targets.add(target);
            }
        }
        int limit = TARGET_LIMITS.get(command);
        if (targets.size() > limit) {
            if (!command.equals("NOTICE")) {
                numeric(Numeric.ERR_TOOMANYTARGETS, targets.get(limit), "Too many targets: " + command + " takes at most " + limit);
            }
            return List.of();
        }
        return targets;
    }

    /** The room a channel names; null, with ERR_NOSUCHCHANNEL sent, for a name without the {@code #}. */
    private String roomOf(String channel) {
        if (!IrcChannel.named(channel)) {
            numeric(Numeric.ERR_NOSUCHCHANNEL, channel, "No such channel: channel names start with " + IrcChannel.PREFIX);
            return null;
        }
        return IrcChannel.room(channel);
    }

    private void numeric(Numeric numeric, String... params) {
        reply.numeric(protocol.server().name(), numeric, state.nick, params);
    }
}
