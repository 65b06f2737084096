package chat.server;

import chat.protocol.ClientFrame;
import chat.protocol.FrameCodec;
import chat.protocol.LineSplitter;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A person at a raw TCP connection: sends lines, and reads every server frame on its own thread. */
public final class TestClient implements AutoCloseable {

    private static final FrameCodec CODEC = new FrameCodec();
    private static final int MAX_SERVER_FRAME = 64 * 1024 * 1024;
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private static final Object CLOSED = new Object();

    private TestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "test-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static TestClient connect(int port) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) WAIT.toMillis());
            socket.setTcpNoDelay(true);
            return new TestClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and says hello; returns once the welcome and the default room's joined arrived. */
    public static TestClient registered(int port, String nick) {
        TestClient client = connect(port);
        client.send(new ClientFrame.Hello(null, nick, 1, "test"));
        client.expect(ServerFrame.Welcome.class);
        client.expect(ServerFrame.Joined.class);
        return client;
    }

    public void send(ClientFrame frame) {
        sendBytes(CODEC.encode(frame));
    }

    /** Sends one raw line; the newline is added. */
    public void sendLine(String json) {
        sendBytes((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame, which must be of {@code type}. */
    public <T extends ServerFrame> T expect(Class<T> type) {
        ServerFrame frame = next();
        if (!type.isInstance(frame)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + frame);
        }
        return type.cast(frame);
    }

    /** The next frame, waiting up to {@link #WAIT}. */
    public ServerFrame next() {
        Object item = poll(WAIT);
        if (item == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        if (item == CLOSED) {
            throw new AssertionError("connection closed while a frame was expected");
        }
        return frame(item);
    }

    /** Frames of {@code type} until one arrives, skipping others (presence of latecomers, say). */
    public <T extends ServerFrame> T skipTo(Class<T> type) {
        while (true) {
            ServerFrame frame = next();
            if (type.isInstance(frame)) {
                return type.cast(frame);
            }
        }
    }

    /** True when nothing arrives within {@code quiet}. */
    public boolean receivesNothingFor(Duration quiet) {
        Object item = poll(quiet);
        return item == null;
    }

    /** Waits until the server has closed the connection, returning the frames that came first. */
    public List<ServerFrame> untilClosed(Duration within) {
        List<ServerFrame> frames = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Object item = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (item == CLOSED) {
                return frames;
            }
            if (item != null) {
                frames.add(frame(item));
            }
        }
        throw new AssertionError("connection still open after " + within + "; got " + frames);
    }

    /** Closes the socket without bye, as a crashed client or a pulled cable would. */
    public void drop() {
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static ServerFrame frame(Object item) {
        if (item instanceof AssertionError error) {
            throw error;
        }
        return (ServerFrame) item;
    }

    private Object poll(Duration wait) {
        try {
            return inbox.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private void readLoop() {
        LineSplitter splitter = new LineSplitter(MAX_SERVER_FRAME);
        LineSplitter.Sink sink = new LineSplitter.Sink() {
            @Override
            public void line(byte[] bytes) {
                try {
                    inbox.add(CODEC.decodeServerFrame(bytes));
                } catch (ProtocolException e) {
                    inbox.add(new AssertionError("server sent a bad frame: " + e.getMessage()));
                }
            }

            @Override
            public void tooLong(int limit) {
                inbox.add(new AssertionError("server frame over " + limit + " bytes"));
            }
        };
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                splitter.feed(buffer, 0, read, sink);
            }
        } catch (SocketException closed) {
            // the test closed it, or the server reset it
        } catch (IOException e) {
            inbox.add(new AssertionError("read failed: " + e));
        }
        inbox.add(CLOSED);
    }
}
