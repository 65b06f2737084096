package chat.protocol;

/**
 * How one wire protocol writes server frames: the seam a second protocol (IRC) plugs into. A
 * connection is built with one; rooms and sessions hand it frames and never see its bytes'
 * format. Implementations are thread-safe, and one instance serves every connection of its
 * protocol, so a room can encode an event once for all the connections that share it.
 */
public interface ServerFrameEncoder {

    /** The frame as whole lines of this protocol, ready for the socket. */
    byte[] encode(ServerFrame frame);
}
