package chat.protocol;

/** A member's standing in a room, as named on the wire. */
public enum Role {
    OWNER("owner"),
    OP("op"),
    MEMBER("member");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Owners and ops moderate; members do not. */
    public boolean moderates() {
        return this != MEMBER;
    }

    public static Role fromWire(String wire) {
        for (Role role : values()) {
            if (role.wire.equals(wire)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + wire);
    }
}
