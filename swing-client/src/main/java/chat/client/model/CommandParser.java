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
            "/op NICK, /deop NICK\tgive or take op in this room (owners and ops)",
            "/kick NICK [REASON]\tput NICK out of this room",
            "/ban NICK, /unban NICK\tkeep NICK out of this room, or let them back",
            "/invite NICK\tlet NICK join this room once, invite-only or not",
            "/mode +i|-i|+m|-m|+s|-s\tinvite-only, moderated (only owners and ops speak), secret (unlisted)",
            "/claim\town this room, if nobody does (needs an account)",
            "/quit\tleave the chat",
            "/help\tshow this help");

    /** The command names, for completion. */
    public static final List<String> COMMANDS =
            List.of("/join", "/leave", "/nick", "/topic", "/msg", "/who", "/rooms", "/op", "/deop", "/kick", "/ban",
                    "/unban", "/invite", "/mode", "/claim", "/quit", "/help");

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
            case "/op" -> oneNick(rest, "/op NICK", nick -> new Command.Op(nick, true));
            case "/deop" -> oneNick(rest, "/deop NICK", nick -> new Command.Op(nick, false));
            case "/kick" -> kick(rest);
            case "/ban" -> oneNick(rest, "/ban NICK", nick -> new Command.Ban(nick, true));
            case "/unban" -> oneNick(rest, "/unban NICK", nick -> new Command.Ban(nick, false));
            case "/invite" -> oneNick(rest, "/invite NICK", Command.Invite::new);
            case "/mode" -> mode(rest);
            case "/claim" -> rest.isEmpty() ? new Command.Claim() : usage("/claim");
            case "/kill" -> rest.isEmpty() ? usage("/kill NICK [REASON]") : kill(rest);
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

    private static Command oneNick(String rest, String usage, java.util.function.Function<String, Command> command) {
        return rest.isEmpty() || rest.contains(" ") ? usage(usage) : command.apply(rest);
    }

    private static Command kick(String rest) {
        if (rest.isEmpty()) {
            return usage("/kick NICK [REASON]");
        }
        int space = rest.indexOf(' ');
        return space < 0 ? new Command.Kick(rest, null) : new Command.Kick(rest.substring(0, space), rest.substring(space + 1).strip());
    }

    private static Command kill(String rest) {
        int space = rest.indexOf(' ');
        return space < 0 ? new Command.Kill(rest, null) : new Command.Kill(rest.substring(0, space), rest.substring(space + 1).strip());
    }

    /** {@code +i -m}, {@code +im-s}: a sign, then the flags it sets or clears. */
    private static Command mode(String rest) {
        Boolean invite = null;
        Boolean moderated = null;
        Boolean secret = null;
        Boolean sign = null;
        for (char c : rest.replace(" ", "").toCharArray()) {
            switch (c) {
                case '+' -> sign = true;
                case '-' -> sign = false;
                case 'i', 'm', 's' -> {
                    if (sign == null) {
                        return usage(MODE_USAGE);
                    }
                    if (c == 'i') {
                        invite = sign;
                    } else if (c == 'm') {
                        moderated = sign;
                    } else {
                        secret = sign;
                    }
                }
                default -> {
                    return usage(MODE_USAGE);
                }
            }
        }
        if (invite == null && moderated == null && secret == null) {
            return usage(MODE_USAGE);
        }
        return new Command.Mode(invite, moderated, secret);
    }

    private static final String MODE_USAGE = "/mode +i|-i|+m|-m|+s|-s (i: invite-only, m: moderated, s: secret)";

    private static Command usage(String usage) {
        return new Command.Invalid("Usage: " + usage);
    }
}
