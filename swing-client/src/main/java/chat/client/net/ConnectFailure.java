package chat.client.net;

/** Why a connection could not be opened, so that the user is pointed at what to change. */
public enum ConnectFailure {
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The host answered that nobody listens on the port. */
    REFUSED,
    /** Nothing answered in time, or the network failed otherwise. */
    UNREACHABLE,
    /** Something listens on the port, but it does not speak TLS (or no version both sides know). */
    NO_TLS,
    /**
     * The server's certificate is not trusted: the user declined it, or it is not the one pinned.
     * Trying again would only ask the same question or meet the same certificate, so nobody should.
     */
    UNTRUSTED
}
