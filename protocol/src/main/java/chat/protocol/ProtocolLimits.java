package chat.protocol;

/** Bounds that protocol v1 fixes for every server, not settings of one server. */
public final class ProtocolLimits {

    /** The largest {@code limit} a {@code history} request may ask for. */
    public static final int MAX_HISTORY_LIMIT = 200;
    /** The {@code limit} of a {@code history} request that names none. */
    public static final int DEFAULT_HISTORY_LIMIT = 50;
    /** The most messages {@code joined.history} carries when the client gave {@code since}. */
    public static final int MAX_SINCE_MESSAGES = 1000;
    public static final int PROTOCOL_VERSION = 1;

    private ProtocolLimits() {}
}
