package chat.actors;

/** How a session ended its connection, as a stand-in outlet saw it. */
public sealed interface ConnectionEnd extends LocalOnly {

    /** What was queued went out, then the connection closed. */
    record Closed() implements ConnectionEnd {}

    /** The connection was reset, dropping what was unsent. */
    record Aborted(String reason) implements ConnectionEnd {}
}
