package chat.client.model;

/**
 * A login that needs the account's password, and why: {@code nick} is an account's, the password
 * given was wrong, or the server takes no more tries for now ({@code serverMessage} says for how long).
 */
public record PasswordPrompt(Reason reason, String nick, String serverMessage) {

    public enum Reason { REQUIRED, WRONG, THROTTLED }

    /** What the dialog says, as a person would. */
    public String sentence() {
        String quoted = "\u201c" + nick + "\u201d";
        return switch (reason) {
            case REQUIRED -> quoted + " is a registered account \u2014 enter its password, or choose another nick.";
            // The server says more than that when there is no such account, and the user should read it.
            case WRONG -> (serverMessage == null || serverMessage.strip().equalsIgnoreCase("wrong password")
                    ? "Wrong password for " + quoted + "." : "The password for " + quoted + " was refused: " + serverMessage + ".")
                    + " Try again, or choose another nick.";
            case THROTTLED -> "Too many tries for " + quoted + ": the server said \u201c" + serverMessage
                    + "\u201d. Wait a little before you try again, or choose another nick.";
        };
    }
}
