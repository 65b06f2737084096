package chat.protocol.irc;

import java.util.EnumSet;

/**
 * The IRCv3 capabilities this server offers, each because it makes a client show the chat as a
 * JSON client sees it: the time a line was said, its id, one's own lines as the room ordered
 * them, and history marked as history.
 */
public enum IrcCapability {
    /** Lines carry {@code @time}: the {@code ts} the room stamped, so history shows when it was said. */
    SERVER_TIME("server-time"),
    /** Lines carry {@code msgid}, made of the room and {@code seq}. */
    MESSAGE_TAGS("message-tags"),
    /** A client gets its own lines back once the room has ordered them, as a JSON client gets its echo. */
    ECHO_MESSAGE("echo-message"),
    /** The history played on join comes as one {@code chathistory} batch. */
    BATCH("batch");

    private final String wire;

    IrcCapability(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The capability a client asked for by name, or null for one this server does not offer. */
    public static IrcCapability named(String name) {
        for (IrcCapability capability : values()) {
            if (capability.wire.equals(name)) {
                return capability;
            }
        }
        return null;
    }

    /** Every capability's name, as {@code CAP LS} lists them. */
    public static String offered() {
        StringBuilder names = new StringBuilder();
        for (IrcCapability capability : values()) {
            names.append(names.length() == 0 ? "" : " ").append(capability.wire);
        }
        return names.toString();
    }

    static EnumSet<IrcCapability> none() {
        return EnumSet.noneOf(IrcCapability.class);
    }
}
