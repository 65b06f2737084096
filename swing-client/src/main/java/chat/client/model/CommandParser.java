package chat.client.model;

import java.util.List;

/** Reads what the user typed: plain text is said, a leading slash names a command, {@code //} says a slash. */
public final class CommandParser {

    /** Every command with its usage and what it does, a tab between them, in the order /help lists them. */
    public static final List<String> USAGE = List.of(
            "/join ROOM\tjoin or create a room",
            "/leave [ROOM]\tleave this room or ROOM",
            "/nick NICK\tchange your nick",
            "/topic TEXT\tset this room's topic",
            "/msg NICK TEXT\twhisper to NICK",
            "/who [ROOM]\tlist who is in the room",
            "/rooms\tlist all rooms",
            "/quit\tleave the chat",
            "/help\tshow this help");

    /** The command names, for completion. */
    public static final List<String> COMMANDS =
            List.of("/join", "/leave", "/nick", "/topic", "/msg", "/who", "/rooms", "/quit", "/help");

    private CommandParser() {}

    public static Command parse(String line) {
        if (line.startsWith("//")) {
            return new Command.Say(line.substring(1));
        }
        if (!line.startsWith("/")) {
            return new Command.Say(line);
        }
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String name = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
        String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        return switch (name) {
            // A name with a space in it is passed on, to be told what is wrong with it rather than how to type a command.
            case "/join", "/j" -> rest.isEmpty() ? usage("/join ROOM") : new Command.Join(rest);
            case "/leave", "/part" -> rest.contains(" ") ? usage("/leave [ROOM]") : new Command.Leave(rest.isEmpty() ? null : rest);
            case "/nick" -> rest.isEmpty() ? usage("/nick NICK") : new Command.Nick(rest);
            case "/topic" -> new Command.Topic(rest);
            case "/msg", "/whisper", "/w" -> msg(rest);
            case "/who" -> rest.contains(" ") ? usage("/who [ROOM]") : new Command.Who(rest.isEmpty() ? null : rest);
            case "/rooms", "/list" -> new Command.Rooms();
            case "/quit", "/exit" -> new Command.Quit();
            case "/help", "/?" -> new Command.Help();
            default -> new Command.Invalid("Unknown command " + name + ": type /help for the list, or // to send a line starting with /");
        };
    }

    private static Command msg(String rest) {
        int space = rest.indexOf(' ');
        if (space < 0 || rest.substring(space + 1).isBlank()) {
            return usage("/msg NICK TEXT");
        }
        return new Command.Msg(rest.substring(0, space), rest.substring(space + 1).strip());
    }

    private static Command usage(String usage) {
        return new Command.Invalid("Usage: " + usage);
    }
}
