package chat.server.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A bare IRC client over a plain socket, like {@code nc} on the IRC port: lines out, lines in, nothing hidden. */
public final class IrcRawClient implements AutoCloseable {

    /** Long enough for a busy 2-core machine, short enough that a stuck server fails the test. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private IrcRawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) PATIENCE.toMillis());
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    public static IrcRawClient connect(int port) {
        try {
            return new IrcRawClient(new Socket(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and registers as {@code nick}, reading up to the end of the auto-joined lobby's names. */
    public static IrcRawClient registered(int port, String nick) {
        IrcRawClient client = connect(port);
        client.send("NICK " + nick, "USER " + nick + " 0 * :" + nick);
        client.awaitLine(line -> line.contains(" 001 " + nick + " "));
        client.awaitLine(line -> line.contains(" 366 " + nick + " #lobby "));
        return client;
    }

    /** Sends each line with CR LF. */
    public void send(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        sendBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line, without CR LF; fails when none comes in time or the server closed. */
    public String receive() {
        String line = readLine();
        if (line == null) {
            return fail("the server closed the connection where a line was expected");
        }
        return line;
    }

    /** Reads lines until one matches, and returns it; the lines passed over are not about the test. */
    public String awaitLine(Predicate<String> wanted) {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                return fail("the server closed the connection before the line awaited; it sent " + seen);
            }
            if (wanted.test(line)) {
                return line;
            }
            seen.add(line);
        }
    }

    /** Every line until the server closes the connection; fails if it stays open. */
    public List<String> readUntilClosed() {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    /** The connection ends with {@code ERROR :Closing link: ... (words)}, then closes. */
    public void assertClosedWith(String words) {
        List<String> last = readUntilClosed();
        assertThat(last).as("lines before the close").isNotEmpty();
        assertThat(last.get(last.size() - 1)).startsWith("ERROR :Closing link: ").endsWith("(" + words + ")");
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (SocketTimeoutException e) {
            return fail("no line from the server within " + PATIENCE.toSeconds() + " s");
        } catch (SocketException e) {
            if (e.getMessage() != null && e.getMessage().contains("reset")) {
                return null;
            }
            throw new UncheckedIOException(e);
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
