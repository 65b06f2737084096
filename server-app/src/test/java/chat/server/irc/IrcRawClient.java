package chat.server.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import chat.server.RawClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bare IRC client, like {@code nc} on the IRC port: lines out, lines in, nothing hidden. The
 * socket is the shared {@link RawClient}'s; this adds IRC's CR LF and its registration.
 */
public final class IrcRawClient implements AutoCloseable {

    private final RawClient socket;

    private IrcRawClient(RawClient socket) {
        this.socket = socket;
    }

    public static IrcRawClient connect(int port) {
        return over(RawClient.connect(port));
    }

    /** An IRC client on a connection made already: over TLS, say. */
    public static IrcRawClient over(RawClient connection) {
        return new IrcRawClient(connection);
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
        socket.sendBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads lines until one matches, and returns it; the lines passed over are not about the test. */
    public String awaitLine(Predicate<String> wanted) {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = socket.receiveText();
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
        while ((line = socket.receiveText()) != null) {
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

    @Override
    public void close() {
        socket.close();
    }
}
