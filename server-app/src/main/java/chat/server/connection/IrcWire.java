package chat.server.connection;

import chat.actors.ChatSettings;
import chat.actors.ConnectionOutlet;
import chat.protocol.ConnectionEncoder;
import chat.protocol.Decoded;
import chat.protocol.LineSplitter;
import chat.protocol.ServerFrame;
import chat.protocol.irc.IrcConnection;
import chat.protocol.irc.IrcProtocol;
import chat.protocol.irc.IrcText;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * IRC: lines of at most 512 bytes (plus tags) become the same requests as JSON frames, and a
 * line that is too long is answered and skipped rather than closing the connection, as IRC
 * servers do. Until the client is welcomed, lines are held to the JSON listener's smaller
 * unregistered limit.
 */
public final class IrcWire implements WireProtocol {

    private final IrcProtocol protocol;
    private final ChatSettings.Limits limits;

    public IrcWire(IrcProtocol protocol, ChatSettings.Limits limits) {
        this.protocol = protocol;
        this.limits = limits;
    }

    @Override
    public Connection open(String address) {
        return new IrcInbound(protocol.connect(address));
    }

    @Override
    public byte[] refusal(ServerFrame farewell, String address) {
        return protocol.refusal(farewell, address);
    }

    private final class IrcInbound implements Connection, LineSplitter.Sink {
        private final IrcConnection irc;
        private final LineSplitter splitter = LineSplitter.skippingLongLines(
                Math.min(limits.maxFrameBytesUnregistered(), IrcText.MAX_CLIENT_LINE_BYTES));
        private final List<Decoded> out = new ArrayList<>();
        private ConnectionOutlet outlet;

        IrcInbound(IrcConnection irc) {
            this.irc = irc;
        }

        @Override
        public ConnectionEncoder encoder() {
            return irc;
        }

        @Override
        public List<Decoded> decode(ByteString chunk, ConnectionOutlet outlet) {
            this.outlet = outlet;
            out.clear();
            for (ByteBuffer buffer : chunk.getByteBuffers()) {
                splitter.feed(buffer, this);
            }
            return out.isEmpty() ? List.of() : List.copyOf(out);
        }

        @Override
        public void line(byte[] bytes) {
            take(irc.read(bytes));
            if (irc.registered()) {
                splitter.limit(IrcText.MAX_CLIENT_LINE_BYTES);
            }
        }

        @Override
        public void tooLong(int limit) {
            take(irc.tooLong());
        }

        private void take(IrcConnection.Reading reading) {
            if (reading.reply().length > 0) {
                outlet.offer(ByteString.fromArrayUnsafe(reading.reply()), 1);
            }
            reading.requests().forEach(request -> out.add(new Decoded.Request(request)));
        }
    }
}
