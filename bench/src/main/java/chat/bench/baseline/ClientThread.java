package chat.bench.baseline;

import chat.protocol.ClientFrame;
import chat.protocol.Decoded;
import chat.protocol.ErrorCode;
import chat.protocol.FrameCodec;
import chat.protocol.LineSplitter;
import chat.protocol.ProtocolLimits;
import chat.protocol.ServerFrame;
import java.io.IOException;

/** The thread that owns one client: blocking reads, one request at a time, replies through the hub. */
final class ClientThread implements Runnable, LineSplitter.Sink {

    private static final int MAX_FRAME_BYTES = 16384;
    private static final int READ_CHUNK_BYTES = 8192;
    private static final String SERVER_NAME = "lab-baseline/1";
    /** The lab server sends no heartbeats. */
    private static final int NO_HEARTBEAT = 0;
    private static final String MOTD = "";

    private static final FrameCodec CODEC = new FrameCodec();

    private final Connection connection;
    private final Hub hub;
    private final LineSplitter lines = new LineSplitter(MAX_FRAME_BYTES);
    /** False once the server has said its last word: the broadcaster closes after writing it. */
    private boolean open = true;

    ClientThread(Connection connection, Hub hub) {
        this.connection = connection;
        this.hub = hub;
    }

    @Override
    public void run() {
        byte[] chunk = new byte[READ_CHUNK_BYTES];
        try {
            int count;
            while (open && (count = connection.in().read(chunk)) >= 0) {
                lines.feed(chunk, 0, count, this);
            }
        } catch (IOException e) {
            // The peer went away; leaving the rooms below is all there is to do.
        } finally {
            hub.leaveAll(connection);
            if (open) {
                connection.close();
            }
        }
    }

    @Override
    public void line(byte[] bytes) {
        if (!open) {
            return;
        }
        Decoded decoded = CODEC.decodeRequest(bytes);
        if (decoded instanceof Decoded.Rejected rejected) {
            hub.reply(connection, rejected.toFrame());
        } else if (decoded instanceof Decoded.Request request) {
            handle(request.frame());
        }
    }

    @Override
    public void tooLong(int limit) {
        hub.replyAndClose(connection, new ServerFrame.Error(ErrorCode.FRAME_TOO_LONG, "a frame has at most " + limit + " bytes", null));
        open = false;
    }

    private void handle(ClientFrame frame) {
        boolean registered = connection.nick() != null;
        if (frame instanceof ClientFrame.Hello hello) {
            if (registered) {
                error(ErrorCode.ALREADY_REGISTERED, "you are " + connection.nick(), hello.id());
                return;
            }
            connection.nick(hello.nick());
            hub.reply(connection, new ServerFrame.Welcome(
                    hello.nick(), ProtocolLimits.PROTOCOL_VERSION, SERVER_NAME, NO_HEARTBEAT, MOTD, hello.id()));
            if (hub.defaultRoom() != null) {
                hub.join(connection, hub.defaultRoom(), null);
            }
        } else if (!registered) {
            error(ErrorCode.NOT_REGISTERED, "say hello first", frame.id());
        } else if (frame instanceof ClientFrame.Say say) {
            if (!hub.say(connection, say.room(), say.text(), say.id())) {
                error(ErrorCode.NOT_IN_ROOM, "join " + say.room() + " first", say.id());
            }
        } else if (frame instanceof ClientFrame.Join join) {
            hub.join(connection, join.room(), join.id());
        } else if (frame instanceof ClientFrame.Ping ping) {
            hub.reply(connection, new ServerFrame.Pong(ping.id()));
        } else if (frame instanceof ClientFrame.Bye bye) {
            hub.replyAndClose(connection, new ServerFrame.Bye("client quit", bye.id()));
            open = false;
        } else if (!(frame instanceof ClientFrame.Pong)) {
            error(ErrorCode.UNKNOWN_TYPE, "the lab baseline speaks hello, join, say, ping and bye only", frame.id());
        }
    }

    private void error(ErrorCode code, String message, String requestId) {
        hub.reply(connection, new ServerFrame.Error(code, message, requestId));
    }
}
