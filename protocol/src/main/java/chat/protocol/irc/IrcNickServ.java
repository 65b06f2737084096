package chat.protocol.irc;

import chat.protocol.ClientFrame;
import chat.protocol.Names;
import chat.protocol.Secret;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * NickServ, where IRC users reach for accounts ({@code /msg NickServ REGISTER ...}): its commands
 * become the JSON protocol's {@code register} and {@code password} requests, and it answers in
 * NOTICEs of its own. It is nobody's nick ({@link Names#nickProblem}), so nothing said to it
 * reaches a person, and it is no place to log in: the nick is the account, and a session logs in
 * with its hello, so {@code IDENTIFY} says how to connect instead. One per connection, used under
 * its {@link IrcConnection}'s lock.
 */
final class IrcNickServ {

    static final String SOURCE = Names.ACCOUNT_SERVICE + "!" + Names.ACCOUNT_SERVICE + "@services";
    /** The id's command of a request NickServ made, so its answer is told as NickServ's. */
    static final String COMMAND = "NICKSERV";

    private final IrcClientState state;
    private final Consumer<ClientFrame> requests;
    private final Consumer<String> notices;

    IrcNickServ(IrcClientState state, Consumer<ClientFrame> requests, Consumer<String> notices) {
        this.state = state;
        this.requests = requests;
        this.notices = notices;
    }

    /** True for a target that means NickServ, also as {@code NickServ@services}, as some networks have it written. */
    static boolean named(String target) {
        int at = target.indexOf('@');
        return Names.isAccountService(at < 0 ? target : target.substring(0, at));
    }

    /** A NickServ notice to {@code nick}. */
    static void notice(IrcOutput out, String nick, String words) {
        out.line(null, SOURCE, "NOTICE", nick, words);
    }

    /** {@code text}, written to NickServ. Passwords are single words, as NickServ's commands take them. */
    void told(String text) {
        String[] words = text.strip().split(" +");
        switch (words[0].toUpperCase(Locale.ROOT)) {
            case "REGISTER" -> register(words);
            case "PASSWORD" -> changePassword(words, 1);
            case "SET" -> {
                if (words.length > 1 && words[1].equalsIgnoreCase("PASSWORD")) {
                    changePassword(words, 2);
                } else {
                    notices.accept("The only setting is your password: SET PASSWORD <old> <new>");
                }
            }
            case "IDENTIFY", "LOGIN" -> identify(words);
            case "HELP", "" -> help();
            default -> notices.accept("Unknown command " + words[0] + ": /msg NickServ HELP lists what NickServ does");
        }
    }

    /** {@code REGISTER <password> [email]}: an email is taken, as other networks ask for one, and not kept. */
    private void register(String[] words) {
        if (words.length < 2 || words.length > 3 || (words.length == 3 && !words[2].contains("@"))) {
            notices.accept("Syntax: REGISTER <password> [email]; the password is one word of 8 to 256 characters");
            return;
        }
        requests.accept(new ClientFrame.Register(state.remember(COMMAND, "REGISTER"), new Secret(words[1])));
    }

    private void changePassword(String[] words, int at) {
        if (words.length != at + 2) {
            notices.accept("Syntax: " + (at == 1 ? "" : "SET ") + "PASSWORD <old password> <new password>: the old one proves"
                    + " it is you");
            return;
        }
        requests.accept(new ClientFrame.ChangePassword(state.remember(COMMAND, "PASSWORD"), new Secret(words[at]),
                new Secret(words[at + 1])));
    }

    /** Logging in is the hello's: the nick is the account, so there is nothing to switch to mid-connection. */
    private void identify(String[] words) {
        if (state.account != null) {
            notices.accept("You are logged in to account " + state.account + " already");
            return;
        }
        String account = words.length > 2 ? words[1] : state.nick;
        notices.accept("Here you log in when you connect, as your nick is your account: reconnect with SASL PLAIN as "
                + account + ", or with your password as the server password (PASS)");
    }

    private void help() {
        notices.accept("NickServ keeps accounts: an account is a nick, and only whoever knows its password may use it");
        notices.accept("REGISTER <password> [email]: makes your nick an account (a password is 8 to 256 characters,"
                + " one word here; the email is not kept)");
        notices.accept("PASSWORD <old> <new> (or SET PASSWORD <old> <new>): changes your password");
        notices.accept("To log in, connect with SASL PLAIN, or with your password as the server password (PASS)");
    }
}
