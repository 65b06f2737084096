package chat.protocol;

/** What happened to a member of a room, as named on the wire. */
public enum PresenceEvent {
    JOIN("join"),
    LEAVE("leave"),
    QUIT("quit"),
    RENAME("rename"),
    KICK("kick");

    private final String wire;

    PresenceEvent(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static PresenceEvent fromWire(String wire) {
        for (PresenceEvent event : values()) {
            if (event.wire.equals(wire)) {
                return event;
            }
        }
        throw new IllegalArgumentException("unknown presence event: " + wire);
    }
}
