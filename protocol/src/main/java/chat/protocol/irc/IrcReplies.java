package chat.protocol.irc;

import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The session's answers as IRC replies: the welcome burst, a joined channel with its topic,
 * names and history, lists, and errors as the numeric of the command that asked. Room events go
 * to {@link IrcEvents}. One per connection, used under its {@link IrcConnection}'s lock.
 */
final class IrcReplies {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'['HH:mm' UTC] '").withZone(ZoneOffset.UTC);

    private final IrcProtocol protocol;
    private final IrcClientState state;
    private final IrcLoginReplies login;
    private final String address;
    private int batches;

    IrcReplies(IrcProtocol protocol, IrcClientState state, String address) {
        this.protocol = protocol;
        this.state = state;
        this.login = new IrcLoginReplies(protocol.server(), state);
        this.address = address;
    }

    /**
     * {@code frame} in IRC's words. While a SASL login's welcome is held (until the client ends
     * negotiation), only answers to the client's own lines, the server's ping and a farewell go
     * out; the rest waits in {@link IrcHeldWelcome}.
     */
    void write(ServerFrame frame, IrcOutput out) {
        IrcHeldWelcome held = state.held;
        if (held.holding() && login.releases(frame)) {
            login.release(out);
        } else if (!held.holding() || answeredAtOnce(frame)) {
            writeNow(frame, out);
        } else {
            writeNow(frame, held.output());
            if (frame instanceof ServerFrame.Joined && held.releaseOnJoin) {
                login.release(out);
            }
        }
    }

    private static boolean answeredAtOnce(ServerFrame frame) {
        return frame instanceof ServerFrame.Welcome || frame instanceof ServerFrame.Pong || frame instanceof ServerFrame.Error
                || frame instanceof ServerFrame.Ping || frame instanceof ServerFrame.Bye;
    }

    private void writeNow(ServerFrame frame, IrcOutput out) {
        if (frame instanceof ServerFrame.Welcome welcome) {
            welcome(welcome, out);
        } else if (frame instanceof ServerFrame.Joined joined) {
            joined(joined, out);
        } else if (frame instanceof ServerFrame.Left left) {
            state.channels.remove(Names.key(left.room()));
            out.line(null, protocol.server().sourceOf(state.nick), "PART", IrcChannel.of(left.room()));
        } else if (frame instanceof ServerFrame.NickChanged renamed) {
            if (!renamed.old().equals(renamed.nick())) {
                out.line(null, protocol.server().sourceOf(renamed.old()), "NICK", renamed.nick());
            }
            state.nick = renamed.nick();
        } else if (frame instanceof ServerFrame.RoomList list) {
            roomList(list, state.recall(list.re()), out);
        } else if (frame instanceof ServerFrame.Members members) {
            members(members, state.recall(members.re()), out);
        } else if (frame instanceof ServerFrame.History history) {
            history(history.room(), history.messages(), true, out);
        } else if (frame instanceof ServerFrame.Error error) {
            error(error, state.recall(error.re()), out);
        } else if (frame instanceof ServerFrame.Pong pong) {
            IrcClientState.Request ping = state.recall(pong.re());
            if (ping != null && ping.answer() != null) {
                out.raw(ping.answer());
            } else if (ping != null) {
                out.line(null, server(), "PONG", server(), ping.target());
            }
        } else if (frame instanceof ServerFrame.Kicked kicked) {
            state.channels.remove(Names.key(kicked.room()));
            out.line(null, protocol.server().sourceOf(kicked.by()), "KICK", IrcChannel.of(kicked.room()), state.nick,
                    kicked.reason() == null ? kicked.by() : kicked.reason());
        } else if (frame instanceof ServerFrame.Bans bans) {
            for (String ban : bans.bans()) {
                numeric(out, Numeric.RPL_BANLIST, IrcChannel.of(bans.room()), ban);
            }
            numeric(out, Numeric.RPL_ENDOFBANLIST, IrcChannel.of(bans.room()), "End of channel ban list");
        } else if (frame instanceof ServerFrame.Invited invited) {
            if (invited.re() != null) {
                numeric(out, Numeric.RPL_INVITING, invited.nick(), IrcChannel.of(invited.room()));
            } else {
                out.line(null, protocol.server().sourceOf(invited.by()), "INVITE", state.nick, IrcChannel.of(invited.room()));
            }
        } else if (frame instanceof ServerFrame.Killed killed) {
            out.line(null, server(), "NOTICE", state.nick, "Killed " + killed.nick() + " (" + killed.reason() + ")");
        } else if (frame instanceof ServerFrame.Registered || frame instanceof ServerFrame.PasswordChanged) {
            // Only NickServ asks for these on IRC.
            login.nickServ(frame, out);
        } else if (frame instanceof ServerFrame.Ping) {
            out.line(null, null, "PING", server());
        } else if (frame instanceof ServerFrame.Bye bye) {
            out.line(null, null, "ERROR", closingLink(bye.reason()));
        } else if (!protocol.events(state.caps).write(frame, out)) {
            throw new IllegalArgumentException("no IRC form for a " + frame.type() + " frame");
        }
    }

    /**
     * The welcome burst; a SASL login's is held until the client ends negotiation, while the
     * verdict it waits for (900, 903) goes out at once.
     */
    private void welcome(ServerFrame.Welcome welcome, IrcOutput out) {
        IrcClientState.Request hello = state.recall(welcome.re());
        boolean sasl = hello != null && hello.command().equals("AUTHENTICATE");
        if (!sasl) {
            state.hellosInFlight = Math.max(0, state.hellosInFlight - 1);
        }
        state.nick = welcome.nick();
        state.motd = welcome.motd() == null ? "" : welcome.motd();
        login.loggedIn(welcome, sasl, out);
        if (sasl) {
            burst(state.held.output());
        } else {
            state.registered = true;
            burst(out);
        }
    }

    private void burst(IrcOutput out) {
        IrcServer server = protocol.server();
        numeric(out, Numeric.RPL_WELCOME, "Welcome to the " + server.network() + " IRC network, " + state.nick);
        numeric(out, Numeric.RPL_YOURHOST, "Your host is " + server.name() + ", running version " + server.version());
        numeric(out, Numeric.RPL_CREATED, "This server was created " + server.created());
        numeric(out, Numeric.RPL_MYINFO, server.name(), server.version(), "i", "");
        numeric(out, Numeric.RPL_ISUPPORT, "CASEMAPPING=rfc8265", "CHANTYPES=" + IrcChannel.PREFIX, "CHANNELLEN=" + (Names.MAX_ROOM_CODE_POINTS + 1),
                "NICKLEN=" + Names.MAX_NICK_CODE_POINTS, "TOPICLEN=" + server.topicLength(), "NETWORK=" + server.network(),
                "PREFIX=" + IrcModes.PREFIX, "CHANMODES=" + IrcModes.CHANMODES, "CHANLIMIT=#:" + server.roomsPerSession(), "UTF8ONLY",
                "CHATHISTORY=" + ProtocolLimits.MAX_HISTORY_LIMIT, "MSGREFTYPES=msgid", IrcCommands.targetLimits(),
                "are supported by this server");
        motd(server, state, out);
    }

    static void motd(IrcServer server, IrcClientState state, IrcOutput out) {
        if (state.motd.isBlank()) {
            out.numeric(server.name(), Numeric.ERR_NOMOTD, state.nick, "MOTD File is missing");
            return;
        }
        out.numeric(server.name(), Numeric.RPL_MOTDSTART, state.nick, "- " + server.name() + " Message of the day - ");
        for (String line : IrcText.pieces(state.motd, IrcText.MAX_LINE_BYTES - 100)) {
            out.numeric(server.name(), Numeric.RPL_MOTD, state.nick, "- " + line);
        }
        out.numeric(server.name(), Numeric.RPL_ENDOFMOTD, state.nick, "End of /MOTD command.");
    }

    /** As IRC servers answer JOIN: the JOIN, the topic, the names; then the room's recent lines, as everyone gets them. */
    private void joined(ServerFrame.Joined joined, IrcOutput out) {
        // IRC clients expect nothing back for a channel they are in; the JSON protocol answers a second join again.
        if (state.channels.put(Names.key(joined.room()), joined.room()) != null) {
            return;
        }
        String channel = IrcChannel.of(joined.room());
        out.line(null, protocol.server().sourceOf(state.nick), "JOIN", channel);
        if (!joined.topic().isEmpty()) {
            numeric(out, Numeric.RPL_TOPIC, channel, joined.topic());
        }
        names(channel, IrcModes.prefixed(joined.members(), joined.roles()), out);
        if (!joined.mode().isOpen()) {
            // Clients learn a channel's modes on join as they learn them changed: a MODE line.
            out.line(null, server(), "MODE", channel, IrcModes.of(joined.mode()));
        }
        history(joined.room(), joined.history(), false, out);
    }

    private void names(String channel, List<String> members, IrcOutput out) {
        // Measured on the line itself: a long nick and channel in a script of 3-byte characters
        // take 170 bytes of it, more than a fixed allowance for them would leave.
        int budget = IrcText.MAX_LINE_BYTES - IrcText.utf8Length(
                ":" + server() + " " + Numeric.RPL_NAMREPLY.code() + " " + state.nick + " = " + channel + " :");
        StringBuilder names = new StringBuilder();
        for (String member : members) {
            if (names.length() > 0 && IrcText.utf8Length(names + " " + member) > budget) {
                numeric(out, Numeric.RPL_NAMREPLY, "=", channel, names.toString());
                names.setLength(0);
            }
            names.append(names.length() == 0 ? "" : " ").append(member);
        }
        if (names.length() > 0) {
            numeric(out, Numeric.RPL_NAMREPLY, "=", channel, names.toString());
        }
        numeric(out, Numeric.RPL_ENDOFNAMES, channel, "End of /NAMES list");
    }

    /**
     * History as lines said: in a {@code chathistory} batch for a client that can tell, dated by
     * server-time where it was asked for, else with the time written in front.
     */
    private void history(String room, List<ServerFrame.Message> messages, boolean asked, IrcOutput out) {
        // CHATHISTORY is answered with a batch even when it is empty, so the client knows it ended.
        if (messages.isEmpty() && !asked) {
            return;
        }
        boolean batched = state.caps.has(IrcCapability.BATCH);
        String batch = batched ? "history" + (++batches) : null;
        if (batched) {
            out.line(null, server(), "BATCH", "+" + batch, "chathistory", IrcChannel.of(room));
        }
        IrcEvents events = protocol.events(state.caps);
        boolean dated = state.caps.has(IrcCapability.SERVER_TIME);
        for (ServerFrame.Message message : messages) {
            events.message(message, batch, dated ? null : STAMP.format(message.ts()), out);
        }
        if (batched) {
            out.line(null, server(), "BATCH", "-" + batch);
        }
    }

    private void roomList(ServerFrame.RoomList list, IrcClientState.Request request, IrcOutput out) {
        if (request != null && request.command().equals("TOPIC")) {
            topicOf(request.target(), list.rooms(), out);
            return;
        }
        String filter = request == null ? null : request.target();
        numeric(out, Numeric.RPL_LISTSTART, "Channel", "Users  Name");
        for (ServerFrame.RoomSummary room : list.rooms()) {
            if (filter == null || List.of(filter.split(",")).stream().anyMatch(
                    channel -> Names.key(channel).equals(Names.key(IrcChannel.of(room.room()))))) {
                numeric(out, Numeric.RPL_LIST, IrcChannel.of(room.room()), String.valueOf(room.members()), room.topic());
            }
        }
        numeric(out, Numeric.RPL_LISTEND, "End of /LIST");
    }

    private void topicOf(String channel, List<ServerFrame.RoomSummary> rooms, IrcOutput out) {
        String key = Names.key(IrcChannel.room(channel));
        for (ServerFrame.RoomSummary room : rooms) {
            if (Names.key(room.room()).equals(key)) {
                if (room.topic().isEmpty()) {
                    numeric(out, Numeric.RPL_NOTOPIC, IrcChannel.of(room.room()), "No topic is set");
                } else {
                    numeric(out, Numeric.RPL_TOPIC, IrcChannel.of(room.room()), room.topic());
                }
                return;
            }
        }
        numeric(out, Numeric.ERR_NOSUCHCHANNEL, channel, "No such channel");
    }

    private void members(ServerFrame.Members members, IrcClientState.Request request, IrcOutput out) {
        String channel = IrcChannel.of(members.room());
        String command = request == null ? "NAMES" : request.command();
        switch (command) {
            case "WHO" -> {
                String server = server();
                for (String member : members.members()) {
                    numeric(out, Numeric.RPL_WHOREPLY, channel, member, protocol.server().host(), server, member, "H",
                            "0 " + member);
                }
                numeric(out, Numeric.RPL_ENDOFWHO, channel, "End of /WHO list");
            }
            case "WHOIS" -> whoisAnswer(request.whois(), members, out);
            default -> names(channel, members.members(), out);
        }
    }

    private void whoisAnswer(IrcClientState.Whois whois, ServerFrame.Members members, IrcOutput out) {
        String key = Names.key(whois.nick);
        for (String member : members.members()) {
            if (Names.key(member).equals(key)) {
                whois.shownAs = member;
                whois.channels.add(members.room());
            }
        }
        if (--whois.awaiting == 0) {
            endOfWhois(protocol.server(), state, whois, out);
        }
    }

    static void endOfWhois(IrcServer server, IrcClientState state, IrcClientState.Whois whois, IrcOutput out) {
        if (whois.shownAs == null) {
            out.numeric(server.name(), Numeric.ERR_NOSUCHNICK, state.nick, whois.nick,
                    "No such nick/channel (or none in a channel you share)");
        } else {
            out.numeric(server.name(), Numeric.RPL_WHOISUSER, state.nick, whois.shownAs, whois.shownAs, server.host(), "*",
                    whois.shownAs);
            out.numeric(server.name(), Numeric.RPL_WHOISSERVER, state.nick, whois.shownAs, server.name(), server.network());
            if (!whois.channels.isEmpty()) {
                out.numeric(server.name(), Numeric.RPL_WHOISCHANNELS, state.nick, whois.shownAs,
                        IrcChannel.PREFIX + String.join(" " + IrcChannel.PREFIX, whois.channels));
            }
        }
        out.numeric(server.name(), Numeric.RPL_ENDOFWHOIS, state.nick, whois.nick, "End of /WHOIS list");
    }

    /** An error in the words of the command that caused it; a NOTICE's errors are not told, as the RFC asks. */
    private void error(ServerFrame.Error error, IrcClientState.Request request, IrcOutput out) {
        if (error.code().closesConnection()) {
            out.line(null, null, "ERROR", closingLink(error.message()));
            return;
        }
        if (request != null && request.answer() != null && error.code() != ErrorCode.RATE_LIMITED) {
            // Before the welcome the session answers a ping that carries an answer with not-registered.
            out.raw(request.answer());
            return;
        }
        String command = request == null ? "" : request.command();
        String target = request == null ? null : request.target();
        if (command.equals("NOTICE")) {
            return;
        }
        if (command.equals("WHOIS")) {
            // A channel that could not answer counts as one where the nick is not.
            if (--request.whois().awaiting == 0) {
                endOfWhois(protocol.server(), state, request.whois(), out);
            }
            return;
        }
        if (command.equals("CHATHISTORY")) {
            out.line(null, server(), "FAIL", "CHATHISTORY",
                    error.code() == ErrorCode.UNAVAILABLE ? "MESSAGE_ERROR" : "INVALID_TARGET", target, error.message());
            return;
        }
        if (command.equals("AUTHENTICATE")) {
            login.saslRefused(error, out);
            return;
        }
        if (command.equals(IrcNickServ.COMMAND)) {
            login.nickServ(error, out);
            return;
        }
        if (command.equals("HELLO")) {
            state.hellosInFlight = Math.max(0, state.hellosInFlight - 1);
            if (error.code() == ErrorCode.ALREADY_REGISTERED && state.held.holding()) {
                // The SASL login ahead of this hello succeeded: the client ended negotiation without waiting for it.
                login.release(out);
                return;
            }
            if (login.helloRefused(error, target, out)) {
                return;
            }
        }
        if (command.equals("NICK") && error.code() == ErrorCode.AUTH_REQUIRED) {
            login.accountsNick(target, out);
            return;
        }
        Numeric numeric = numericFor(error.code(), command, target);
        if (numeric == null || target == null) {
            out.line(null, server(), "NOTICE", state.nick, error.message());
        } else {
            numeric(out, numeric, target, error.message());
        }
    }

    private static Numeric numericFor(ErrorCode code, String command, String target) {
        boolean toChannel = target != null && IrcChannel.meant(target);
        return switch (code) {
            case NICK_TAKEN -> Numeric.ERR_NICKNAMEINUSE;
            case NOT_OP -> toChannel ? Numeric.ERR_CHANOPRIVSNEEDED : null;
            case BANNED -> Numeric.ERR_BANNEDFROMCHAN;
            case INVITE_ONLY -> Numeric.ERR_INVITEONLYCHAN;
            case MODERATED -> Numeric.ERR_CANNOTSENDTOCHAN;
            case NOT_REGISTERED -> Numeric.ERR_NOTREGISTERED;
            case BAD_NICK -> command.equals("NICK") || command.equals("HELLO") ? Numeric.ERR_ERRONEUSNICKNAME : Numeric.ERR_NOSUCHNICK;
            case NO_SUCH_NICK -> Numeric.ERR_NOSUCHNICK;
            case BAD_ROOM -> Numeric.ERR_NOSUCHCHANNEL;
            case NOT_IN_ROOM -> command.equals("PRIVMSG") ? Numeric.ERR_CANNOTSENDTOCHAN : Numeric.ERR_NOTONCHANNEL;
            case BAD_TEXT -> toChannel && command.equals("PRIVMSG") ? Numeric.ERR_CANNOTSENDTOCHAN : null;
            case BAD_REQUEST -> command.equals("JOIN") ? Numeric.ERR_TOOMANYCHANNELS : null;
            default -> null;
        };
    }

    /** {@code Closing link: alice[127.0.0.1] (Excess Flood)}, the words IRC servers close with. */
    private String closingLink(String reason) {
        return "Closing link: " + state.nick + "[" + address + "] (" + IrcText.quitWords(reason) + ")";
    }

    private String server() {
        return protocol.server().name();
    }

    private void numeric(IrcOutput out, Numeric numeric, String... params) {
        out.numeric(server(), numeric, state.nick, params);
    }
}
