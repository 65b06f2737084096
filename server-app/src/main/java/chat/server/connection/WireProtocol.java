package chat.server.connection;

import chat.actors.ConnectionOutlet;
import chat.protocol.ConnectionEncoder;
import chat.protocol.Decoded;
import chat.protocol.ServerFrame;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * One listener's wire protocol (JSON lines or IRC): how a connection's bytes become the requests
 * its session takes, and its frames become bytes. Everything after this seam is the same for
 * every protocol.
 */
public interface WireProtocol {

    /** The two halves of a new connection from {@code address}. */
    Connection open(String address);

    /** What a connection turned away at the door is told, in this protocol, before it is closed. */
    byte[] refusal(ServerFrame farewell, String address);

    /** One connection's codec. Not thread-safe on the inbound side: the connection's stream alone decodes. */
    interface Connection {

        ConnectionEncoder encoder();

        /**
         * The requests completed by {@code chunk}, in order; the little a protocol must answer
         * ahead of its session (IRC's CAP replies once registered) is offered straight to {@code outlet}.
         */
        List<Decoded> decode(ByteString chunk, ConnectionOutlet outlet);
    }
}
