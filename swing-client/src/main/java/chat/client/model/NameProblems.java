package chat.client.model;

import chat.protocol.Names;
import java.util.Optional;

/**
 * Why a nick or a room name will not do, in words for a person: the protocol's rules, except that
 * a space is called a space, which the protocol's wording names by its code point.
 */
public final class NameProblems {

    private NameProblems() {}

    public static Optional<String> nick(String nick) {
        return hasSpace(nick) ? Optional.of("a nick has no spaces") : Names.nickProblem(nick);
    }

    public static Optional<String> room(String room) {
        return hasSpace(room) ? Optional.of("a room name has no spaces") : Names.roomProblem(room);
    }

    /** The room a user means: the client shows rooms as {@code # lobby}, so {@code #lobby} names lobby too. */
    public static String roomNamed(String typed) {
        return typed.startsWith("#") ? typed.substring(1).strip() : typed;
    }

    private static boolean hasSpace(String name) {
        return name.codePoints().anyMatch(Character::isWhitespace) || name.contains("\u00a0");
    }
}
