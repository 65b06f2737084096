package chat.client.model;

/** What the user asked for by typing a line. {@code room} fields are null for "the current room". */
public sealed interface Command {

    record Say(String text) implements Command {}

    record Join(String room) implements Command {}

    record Leave(String room) implements Command {}

    record Nick(String nick) implements Command {}

    record Topic(String topic) implements Command {}

    record Msg(String nick, String text) implements Command {}

    record Who(String room) implements Command {}

    record Rooms() implements Command {}

    /** {@code grant}: /op; otherwise /deop. */
    record Op(String nick, boolean grant) implements Command {}

    /** {@code reason} is null when none was given. */
    record Kick(String nick, String reason) implements Command {}

    /** {@code ban}: /ban; otherwise /unban. */
    record Ban(String nick, boolean ban) implements Command {}

    record Invite(String nick) implements Command {}

    /** Each flag is null when the command leaves it as it is. */
    record Mode(Boolean invite, Boolean moderated, Boolean secret) implements Command {}

    record Claim() implements Command {}

    /** A server operator's: disconnects {@code nick}; {@code reason} is null when none was given. */
    record Kill(String nick, String reason) implements Command {}

    record Quit() implements Command {}

    record Help() implements Command {}

    /** A line that is not a valid command, with what to type instead. */
    record Invalid(String problem) implements Command {}
}
