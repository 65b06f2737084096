package chat.client.net;

import chat.protocol.ClientFrame;
import chat.protocol.FrameCodec;
import chat.protocol.LineSplitter;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} over a plain socket: one reader thread (which also connects) and one writer
 * thread fed by a queue, so sending never waits for the network and both directions run at once.
 */
public final class SocketTransport implements Transport {

    /** Server frames carry whole histories; only a broken server sends a line this long. */
    static final int MAX_SERVER_FRAME_BYTES = 64 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(SocketTransport.class.getName());

    /** What the writer takes from its queue: a frame, or the order to finish or stop. */
    private record Outgoing(ClientFrame frame) {}

    private static final Outgoing FINISH = new Outgoing(null);
    private static final Outgoing STOP = new Outgoing(null);

    private final Endpoint endpoint;
    private final TransportListener listener;
    private final FrameCodec codec;
    private final BlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Socket socket = new Socket();

    private SocketTransport(Endpoint endpoint, TransportListener listener, FrameCodec codec) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.codec = codec;
    }

    static SocketTransport open(Endpoint endpoint, TransportListener listener, FrameCodec codec) {
        SocketTransport transport = new SocketTransport(endpoint, listener, codec);
        Thread reader = new Thread(transport::connectAndRead, "chat-reader " + endpoint);
        reader.setDaemon(true);
        reader.start();
        return transport;
    }

    @Override
    public void send(ClientFrame frame) {
        outgoing.add(new Outgoing(frame));
    }

    @Override
    public void expectTrafficWithin(Duration silence) {
        try {
            socket.setSoTimeout(Math.toIntExact(silence.toMillis()));
        } catch (SocketException e) {
            shutdown("connection lost: " + e.getMessage());
        }
    }

    @Override
    public void finish() {
        outgoing.add(FINISH);
    }

    @Override
    public void close() {
        shutdown("closed by this client");
    }

    private void connectAndRead() {
        InputStream input;
        OutputStream output;
        try {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), Math.toIntExact(CONNECT_TIMEOUT.toMillis()));
            socket.setTcpNoDelay(true);
            input = socket.getInputStream();
            output = new BufferedOutputStream(socket.getOutputStream());
        } catch (IOException e) {
            shutdown(connectFailure(e), e instanceof UnknownHostException ? ConnectFailure.UNKNOWN_HOST
                    : e instanceof ConnectException ? ConnectFailure.REFUSED : ConnectFailure.UNREACHABLE);
            return;
        }
        // Daemon-free on purpose: a quitting client's last frames (its bye) get written before the JVM exits.
        Thread writer = new Thread(() -> write(output), "chat-writer " + endpoint);
        writer.start();
        read(input);
    }

    private void read(InputStream input) {
        LineSplitter splitter = new LineSplitter(MAX_SERVER_FRAME_BYTES);
        LineSplitter.Sink sink = new LineSplitter.Sink() {
            @Override
            public void line(byte[] bytes) {
                deliver(bytes);
            }

            @Override
            public void tooLong(int limit) {
                shutdown("the server sent a frame over " + limit + " bytes");
            }
        };
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        try {
            int count;
            while (!closed.get() && (count = input.read(buffer)) >= 0) {
                splitter.feed(buffer, 0, count, sink);
            }
            shutdown("the server closed the connection");
        } catch (SocketTimeoutException e) {
            shutdown("the server stopped answering");
        } catch (IOException e) {
            shutdown("connection lost: " + e.getMessage());
        }
    }

    private void deliver(byte[] line) {
        ServerFrame frame;
        try {
            frame = codec.decodeServerFrame(line);
        } catch (ProtocolException e) {
            // Newer servers may add frame types (the contract allows it); this client skips what it does not know.
            LOG.log(System.Logger.Level.DEBUG, "skipped a server frame: {0}", e.getMessage());
            return;
        }
        if (!closed.get()) {
            listener.received(frame);
        }
    }

    private void write(OutputStream output) {
        try {
            while (true) {
                Outgoing next = outgoing.take();
                if (next == STOP) {
                    return;
                }
                if (next == FINISH) {
                    output.flush();
                    socket.shutdownOutput();
                    return;
                }
                output.write(codec.encode(next.frame()));
                if (outgoing.isEmpty()) {
                    output.flush();
                }
            }
        } catch (IOException e) {
            shutdown("connection lost: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdown(String reason) {
        shutdown(reason, null);
    }

    private void shutdown(String reason, ConnectFailure failure) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        outgoing.clear();
        outgoing.add(STOP);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the socket failed: {0}", e.getMessage());
        }
        listener.closed(reason, failure);
    }

    private String connectFailure(IOException e) {
        if (e instanceof UnknownHostException) {
            return "there is no host called " + endpoint.host();
        }
        if (e instanceof ConnectException) {
            return "nobody is listening at " + endpoint + " (connection refused)";
        }
        if (e instanceof SocketTimeoutException) {
            return endpoint + " did not answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        return "cannot reach " + endpoint + ": " + e.getMessage();
    }
}
