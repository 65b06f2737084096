package chat.client.net;

/** Why a connection could not be opened, so that the user is pointed at what to change. */
public enum ConnectFailure {
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The host answered that nobody listens on the port. */
    REFUSED,
    /** Nothing answered in time, or the network failed otherwise. */
    UNREACHABLE
}
