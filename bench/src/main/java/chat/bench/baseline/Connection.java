package chat.bench.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One client socket. Reads belong to its client thread; writes to the broadcaster. */
final class Connection {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile String nick;
    private volatile boolean closed;

    Connection(Socket socket) throws IOException {
        this.socket = socket;
        // Pekko's TCP turns Nagle off; so does this, or the comparison would measure a socket option.
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    InputStream in() {
        return in;
    }

    String nick() {
        return nick;
    }

    void nick(String registered) {
        this.nick = registered;
    }

    /** Blocks until the kernel takes the bytes: a slow reader holds up whoever writes to it. */
    void write(byte[] frame) {
        if (closed) {
            return;
        }
        try {
            out.write(frame);
        } catch (IOException e) {
            close();
        }
    }

    void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone; the client thread sees the end of its stream and cleans up.
        }
    }
}
