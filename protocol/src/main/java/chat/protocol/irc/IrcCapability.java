package chat.protocol.irc;

import java.util.EnumSet;

/**
 * The IRCv3 capabilities this server offers, each because it makes a client show the chat as a
 * JSON client sees it: the time a line was said, its id, one's own lines as the room ordered
 * them, and history marked as history; and SASL, to log in as a JSON client's hello does.
 */
public enum IrcCapability {
    /** Lines carry {@code @time}: the {@code ts} the room stamped, so history shows when it was said. */
    SERVER_TIME("server-time", true),
    /** Lines carry {@code msgid}, made of the room and {@code seq}. */
    MESSAGE_TAGS("message-tags", true),
    /** A client gets its own lines back once the room has ordered them, as a JSON client gets its echo. */
    ECHO_MESSAGE("echo-message", true),
    /** The history played on join comes as one {@code chathistory} batch. */
    BATCH("batch", true),
    /** {@code CHATHISTORY LATEST} and {@code BEFORE} page back through a room's history. */
    CHATHISTORY("draft/chathistory", false),
    /** {@code AUTHENTICATE} logs in to an account before registration ends; PLAIN is the one mechanism. */
    SASL("sasl", false, IrcSasl.MECHANISM);

    private final String wire;
    private final boolean shapesEvents;
    /** What {@code CAP LS 302} shows after the name and a {@code =}; null for none. */
    private final String value;

    IrcCapability(String wire, boolean shapesEvents) {
        this(wire, shapesEvents, null);
    }

    IrcCapability(String wire, boolean shapesEvents, String value) {
        this.wire = wire;
        this.shapesEvents = shapesEvents;
        this.value = value;
    }

    /**
     * True when the capability changes how a room's events are written; only these tell shared
     * encoders apart, so connections that differ in the others still share one. They come first.
     */
    boolean shapesEvents() {
        return shapesEvents;
    }

    /** How many capabilities shape events: their combinations are the shared encoders. */
    static int shapingEvents() {
        int count = 0;
        for (IrcCapability capability : values()) {
            count += capability.shapesEvents ? 1 : 0;
        }
        return count;
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

    /** Every capability's name, as {@code CAP LS} lists them; {@code withValues} for {@code CAP LS 302}. */
    public static String offered(boolean withValues) {
        StringBuilder names = new StringBuilder();
        for (IrcCapability capability : values()) {
            names.append(names.length() == 0 ? "" : " ").append(capability.wire);
            if (withValues && capability.value != null) {
                names.append('=').append(capability.value);
            }
        }
        return names.toString();
    }

    static EnumSet<IrcCapability> none() {
        return EnumSet.noneOf(IrcCapability.class);
    }
}
