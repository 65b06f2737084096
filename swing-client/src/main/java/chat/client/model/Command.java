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

    record Quit() implements Command {}

    record Help() implements Command {}

    /** A line that is not a valid command, with what to type instead. */
    record Invalid(String problem) implements Command {}
}
