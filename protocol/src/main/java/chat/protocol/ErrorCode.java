package chat.protocol;

/** Every error code of protocol v1; {@link #closesConnection()} marks the ones after which the server hangs up. */
public enum ErrorCode {
    BAD_FRAME("bad-frame", false),
    FRAME_TOO_LONG("frame-too-long", true),
    UNKNOWN_TYPE("unknown-type", false),
    BAD_REQUEST("bad-request", false),
    NOT_REGISTERED("not-registered", false),
    ALREADY_REGISTERED("already-registered", false),
    BAD_NICK("bad-nick", false),
    NICK_TAKEN("nick-taken", false),
    BAD_ROOM("bad-room", false),
    NOT_IN_ROOM("not-in-room", false),
    NO_SUCH_NICK("no-such-nick", false),
    BAD_TEXT("bad-text", false),
    RATE_LIMITED("rate-limited", false),
    SERVER_FULL("server-full", true),
    /** The chat store cannot take or give messages right now; the request may be tried again later. */
    UNAVAILABLE("unavailable", false),
    /** The nick is an account's: log in with its password, or pick another nick. */
    AUTH_REQUIRED("auth-required", false),
    /** Wrong password (or no such account); the client may say hello again. */
    AUTH_FAILED("auth-failed", false),
    BAD_PASSWORD("bad-password", false),
    ACCOUNT_EXISTS("account-exists", false),
    /** A moderation request from someone without the role for it. */
    NOT_OP("not-op", false),
    BANNED("banned", false),
    INVITE_ONLY("invite-only", false),
    /** Only owners and ops speak in a moderated room. */
    MODERATED("moderated", false);

    private final String wire;
    private final boolean closesConnection;

    ErrorCode(String wire, boolean closesConnection) {
        this.wire = wire;
        this.closesConnection = closesConnection;
    }

    public String wire() {
        return wire;
    }

    public boolean closesConnection() {
        return closesConnection;
    }

    /** The code for a wire name, or null for a code this version does not know. */
    public static ErrorCode fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.wire.equals(wire)) {
                return code;
            }
        }
        return null;
    }
}
