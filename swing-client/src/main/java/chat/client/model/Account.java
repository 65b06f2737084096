package chat.client.model;

import chat.protocol.ErrorCode;
import chat.protocol.Names;
import chat.protocol.Secret;

/**
 * What the client knows of the user's account: the account the session is logged in to, and its
 * password, kept in memory only (never on disk) so that a reconnect logs in again without asking.
 */
final class Account {

    /** The account the session is logged in to, as the server spells it; null for a guest. */
    private String name;
    /** The nick the password is for: a hello carries the password only for that nick. */
    private String passwordNick;
    private Secret password;

    /** A login starts: as a guest when {@code secret} is null, else to the account {@code nick}. */
    void loggingIn(String nick, Secret secret) {
        name = null;
        passwordNick = nick;
        password = secret;
    }

    /** The password to say hello with as {@code nick}; null when there is none for that nick. */
    Secret passwordFor(String nick) {
        return password != null && Names.key(passwordNick).equals(Names.key(nick)) ? password : null;
    }

    /** The server refused the password, or there was none: nothing is kept that would be refused again. */
    void forgetPassword() {
        password = null;
    }

    /** The server's welcome: the account it logged in to, or null for a guest. */
    void welcomed(String account) {
        name = account;
    }

    /** The nick became the account {@code account}, with {@code secret} (null when it was not ours to know). */
    void registered(String account, Secret secret) {
        name = account;
        if (secret != null) {
            passwordNick = account;
            password = secret;
        }
    }

    void passwordChanged(Secret secret) {
        if (name != null && secret != null) {
            passwordNick = name;
            password = secret;
        }
    }

    /** The account's name; null for a guest. */
    String name() {
        return name;
    }

    /** The nick, and the account when the session is logged in to one: "alice (account)", or "al (account alice)" after a rename. */
    String shownAs(String nick) {
        if (name == null) {
            return nick;
        }
        return Names.key(name).equals(Names.key(nick)) ? nick + " (account)" : nick + " (account " + name + ")";
    }

    /** Why the server refused to register {@code nick} or change its password, in the user's words. */
    static String refusal(ErrorCode code, String message, String nick) {
        return switch (code) {
            case ACCOUNT_EXISTS -> "\u201c" + nick + "\u201d is already a registered account.";
            case BAD_PASSWORD -> "The server did not take that password: " + message;
            case AUTH_FAILED -> "The current password is wrong.";
            case AUTH_REQUIRED -> "Log in to the account first: " + message;
            case RATE_LIMITED -> "Too many tries: " + message;
            case UNKNOWN_TYPE -> "This server has no accounts.";
            default -> message;
        };
    }
}
