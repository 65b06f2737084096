package chat.protocol;

/**
 * One connection's side of its wire protocol. The rooms' events go out through {@link #shared()},
 * the same encoder for every connection that would see the same bytes, so a room encodes an event
 * once for all of them; whatever is meant for this connection alone (answers, a whisper, a
 * joined room) goes through {@link #encode}, which may depend on what the connection said before:
 * IRC's replies name the client's nick and the command they answer, JSON's do not.
 */
public interface ConnectionEncoder {

    /** The encoder this connection shares with its like for room events; it may change while the connection lasts. */
    ServerFrameEncoder shared();

    /** A frame for this connection alone, as whole lines of its protocol; may be empty when the protocol shows it nowhere. */
    byte[] encode(ServerFrame frame);
}
