package chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.FrameCodec;
import chat.protocol.PresenceEvent;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A client that speaks raw bytes over a real socket: it may send anything, well-formed or not,
 * and reads the server's answers one frame at a time, strictly decoded.
 */
public final class RawClient implements AutoCloseable {

    /** Long enough for a busy 2-core machine, short enough that a stuck server fails the test. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final FrameCodec CODEC = new FrameCodec();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private Duration patience = PATIENCE;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) PATIENCE.toMillis());
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawClient connect(int port) {
        try {
            return new RawClient(new Socket(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects with a tiny socket receive buffer, so that a client that stops reading backs up quickly. */
    public static RawClient connectWithReceiveBuffer(int port, int bytes) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(bytes);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new RawClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects over TLS, trusting what {@code trust} trusts, and checks that the certificate names
     * localhost, as a careful client does; the handshake is done when this returns.
     */
    public static RawClient connectTls(int port, SSLContext trust) {
        try {
            Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
            plain.setSoTimeout((int) PATIENCE.toMillis());
            SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(plain, "localhost", port, true);
            SSLParameters checks = tls.getSSLParameters();
            checks.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(checks);
            tls.startHandshake();
            return new RawClient(tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects from another loopback address, as a second host would. */
    public static RawClient connectFrom(String localAddress, int port) {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new RawClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to {@code patience} for each frame from now on: for a server whose rooms are moving between nodes. */
    public RawClient withPatience(Duration patience) {
        try {
            socket.setSoTimeout((int) patience.toMillis());
            this.patience = patience;
            return this;
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and registers; the welcome and the default room's joined frame are read. */
    public static RawClient registered(int port, String nick) {
        RawClient client = connect(port);
        client.hello(nick);
        return client;
    }

    public void hello(String nick) {
        send(new ClientFrame.Hello(null, nick, 1, "hostile-test/1"));
        receive(ServerFrame.Welcome.class);
        receive(ServerFrame.Joined.class);
    }

    public void send(ClientFrame frame) {
        sendBytes(CODEC.encode(frame));
    }

    /** Sends one line: the text as UTF-8 and a newline. */
    public void sendLine(String line) {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next frame that is not presence: in a shared room others come and go at any moment, and
     * tests that are not about them must not depend on when.
     */
    public ServerFrame receive() {
        ServerFrame frame;
        do {
            frame = receiveAny();
        } while (frame instanceof ServerFrame.Presence);
        return frame;
    }

    /** The next frame from the server, presence included; fails the test when none comes within {@link #PATIENCE}. */
    public ServerFrame receiveAny() {
        byte[] line = readLine();
        if (line == null) {
            return fail("the server closed the connection while a frame was expected");
        }
        try {
            return CODEC.decodeServerFrame(line);
        } catch (ProtocolException e) {
            return fail("the server sent a line that is not a frame: " + new String(line, StandardCharsets.UTF_8), e);
        }
    }

    public <T extends ServerFrame> T receive(Class<T> type) {
        ServerFrame frame = type == ServerFrame.Presence.class ? receiveAny() : receive();
        assertThat(frame).isInstanceOf(type);
        return type.cast(frame);
    }

    /** The next frame, which must be the error {@code code}. */
    public ServerFrame.Error receiveError(ErrorCode code) {
        ServerFrame.Error error = receive(ServerFrame.Error.class);
        assertThat(error.code()).as("error code of %s", error).isEqualTo(code);
        return error;
    }

    /** Skips other people's comings and goings until {@code nick}'s {@code event}; any other frame fails the test. */
    public ServerFrame.Presence awaitPresence(String nick, PresenceEvent event) {
        while (true) {
            ServerFrame.Presence presence = receive(ServerFrame.Presence.class);
            if (presence.nick().equals(nick) && presence.event() == event) {
                return presence;
            }
        }
    }

    /** Skips frames until one of {@code type} arrives. */
    public <T extends ServerFrame> T receiveSkipping(Class<T> type) {
        while (true) {
            ServerFrame frame = receive();
            if (type.isInstance(frame)) {
                return type.cast(frame);
            }
        }
    }

    /** Proves the session still answers: a ping with an id gets its pong. */
    public void assertAlive(String id) {
        send(new ClientFrame.Ping(id));
        assertThat(receive()).isEqualTo(new ServerFrame.Pong(id));
    }

    /**
     * The next line as text, without its line end (LF or CR LF), for protocols other than JSON
     * lines (IRC); null once the server closed the connection.
     */
    public String receiveText() {
        byte[] line = readLine();
        if (line == null) {
            return null;
        }
        String text = new String(line, StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Every frame until the server closes the connection; fails if it stays open. */
    public List<ServerFrame> readUntilClosed() {
        List<ServerFrame> frames = new ArrayList<>();
        byte[] line;
        while ((line = readLine()) != null) {
            try {
                frames.add(CODEC.decodeServerFrame(line));
            } catch (ProtocolException e) {
                fail("the server sent a line that is not a frame", e);
            }
        }
        return frames;
    }

    /**
     * Every byte until the server closes the connection (or resets it), whatever they are: for
     * answers that are not lines, such as a TLS alert. Fails if the connection stays open.
     */
    public byte[] readBytesUntilClosed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (SocketTimeoutException e) {
            return fail("the server did not close the connection within " + patience.toSeconds() + " s");
        } catch (SocketException e) {
            if (!isReset(e)) {
                throw new UncheckedIOException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The connection ends with {@code bye} and the given reason, and then closes. */
    public void assertByeAndClose(String reason) {
        List<ServerFrame> last = readUntilClosed();
        assertThat(last).as("frames before the close").isNotEmpty();
        assertThat(last.get(last.size() - 1)).isEqualTo(new ServerFrame.Bye(reason, null));
    }

    /** Reads one line without its newline; null at the end of the stream or a reset. */
    private byte[] readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return line.toByteArray();
                }
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            return fail("no frame from the server within " + patience.toSeconds() + " s");
        } catch (SocketException e) {
            if (!isReset(e)) {
                throw new UncheckedIOException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(line.size()).as("bytes of a frame cut by the close").isZero();
        return null;
    }

    private static boolean isReset(SocketException e) {
        return e.getMessage() != null && e.getMessage().contains("reset");
    }

    /** Closes abruptly: a reset instead of a polite FIN, as a crashed client would. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
