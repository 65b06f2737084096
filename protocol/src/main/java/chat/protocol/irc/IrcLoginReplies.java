package chat.protocol.irc;

import chat.protocol.ErrorCode;
import chat.protocol.ServerFrame;

/**
 * The session's answers about accounts in IRC's words: a login (900, and 903 for SASL), a
 * refused login (464 for PASS, 904 for SASL, 433 for an account's nick without either), the end
 * of what a SASL login held back, and NickServ's notices. One per connection, used under its
 * {@link IrcConnection}'s lock.
 */
final class IrcLoginReplies {

    private final IrcServer server;
    private final IrcClientState state;

    IrcLoginReplies(IrcServer server, IrcClientState state) {
        this.server = server;
        this.state = state;
    }

    /** 900 for a welcome to an account; for SASL 903 as well, said at once while the welcome burst is held. */
    void loggedIn(ServerFrame.Welcome welcome, boolean sasl, IrcOutput out) {
        state.account = welcome.account();
        state.password = null;
        state.retryNick = null;
        if (welcome.account() != null) {
            numeric(out, Numeric.RPL_LOGGEDIN, server.sourceOf(welcome.nick()), welcome.account(),
                    "You are now logged in as " + welcome.account());
        }
        if (sasl) {
            state.sasl.succeeded();
            numeric(out, Numeric.RPL_SASLSUCCESS, "SASL authentication successful");
        }
    }

    /**
     * A SASL login refused: the client may try again, or end negotiation and register as a guest.
     * 902 when the account's nick is held by another connection (its owner's), 904 otherwise.
     */
    void saslRefused(ServerFrame.Error error, IrcOutput out) {
        state.held.cancel();
        state.sasl.failed();
        if (error.code() == ErrorCode.NICK_TAKEN) {
            numeric(out, Numeric.ERR_NICKLOCKED, "SASL authentication failed: " + error.message());
        } else if (error.code() == ErrorCode.AUTH_FAILED) {
            numeric(out, Numeric.ERR_SASLFAIL, "SASL authentication failed: wrong password, or no such account");
        } else {
            numeric(out, Numeric.ERR_SASLFAIL, "SASL authentication failed: " + error.message());
        }
    }

    /**
     * A registration's hello refused for its password or its account: told here (true), or left
     * to the usual numerics (false). A later PASS tries {@code nick} again; a wrong password is
     * forgotten, so a NICK registers a guest.
     */
    boolean helloRefused(ServerFrame.Error error, String nick, IrcOutput out) {
        state.retryNick = nick;
        switch (error.code()) {
            case AUTH_FAILED -> {
                state.password = null;
                numeric(out, Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
            }
            case BAD_PASSWORD -> {
                state.password = null;
                numeric(out, Numeric.ERR_PASSWDMISMATCH, "Password incorrect: " + error.message());
            }
            case AUTH_REQUIRED -> accountsNick(nick, out);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** 433 for a nick that is an account's, saying how its owner gets it; IRC clients then try another nick. */
    void accountsNick(String nick, IrcOutput out) {
        numeric(out, Numeric.ERR_NICKNAMEINUSE, nick, nick + " is a registered account: if it is yours, connect with SASL"
                + " or PASS to log in to it; otherwise pick another nick");
    }

    /** What NickServ says to a request made through it. */
    void nickServ(ServerFrame frame, IrcOutput out) {
        if (frame instanceof ServerFrame.Registered registered) {
            state.account = registered.account();
            IrcNickServ.notice(out, state.nick, "You are now registered as account " + registered.account()
                    + ": from now on log in when you connect, with SASL PLAIN or with your password as the server"
                    + " password (PASS)");
        } else if (frame instanceof ServerFrame.PasswordChanged) {
            IrcNickServ.notice(out, state.nick, "Your password has been changed: log in with the new one from now on");
        } else if (frame instanceof ServerFrame.Error error) {
            IrcNickServ.notice(out, state.nick, error.code() == ErrorCode.AUTH_FAILED
                    ? "Wrong password: your password is unchanged" : error.message());
        }
    }

    /** True for the answer that releases what a SASL login held: the one asked for when the client ended negotiation. */
    boolean releases(ServerFrame frame) {
        String re = frame instanceof ServerFrame.Members members ? members.re()
                : frame instanceof ServerFrame.Pong pong ? pong.re()
                : frame instanceof ServerFrame.Error error ? error.re() : null;
        return re != null && re.equals(state.held.releaseId);
    }

    /** Registration ends for a SASL login: the held welcome burst, join and room lines go out, in order. */
    void release(IrcOutput out) {
        state.recall(state.held.releaseId);
        state.held.release(out, server.name(), state.nick);
        state.registered = true;
    }

    private void numeric(IrcOutput out, Numeric numeric, String... params) {
        out.numeric(server.name(), numeric, state.nick, params);
    }
}
