package chat.transcript;

import chat.server.TestServer;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The real server, in this JVM, on ephemeral loopback ports (JSON and IRC); clients are plain sockets. */
final class TcpHarness implements ChatHarness {

    private static final int READ_BUFFER_BYTES = 8192;
    /** How often a client that stopped reading checks whether its connection still stands. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);
    /** At most this long for the server to take in the open connections before it is shut down. */
    private static final Duration ACCEPT_BEFORE_SHUTDOWN = Duration.ofSeconds(2);
    private static final Duration ACCEPT_POLL = Duration.ofMillis(10);
    /**
     * A small receive window, so that a client that stops reading backs up into the server after
     * a few frames instead of after megabytes of kernel buffers.
     */
    private static final int SOCKET_RECEIVE_BUFFER_BYTES = 16 * 1024;

    private final TestServer server;
    private final List<SocketConnection> connections = new ArrayList<>();

    private TcpHarness(TestServer server) {
        this.server = server;
    }

    /** Starts a server with the transcript's settings ({@link ServerSettings}) and a store of its own. */
    static TcpHarness start(Config settings) {
        return new TcpHarness(TestServer.start(settings));
    }

    @Override
    public ClientConnection connect(Wire wire) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(SOCKET_RECEIVE_BUFFER_BYTES);
        int port = wire == Wire.IRC ? server.ircPort() : server.port();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        SocketConnection connection = new SocketConnection(socket);
        connections.add(connection);
        return connection;
    }

    /**
     * A connection still waiting in the kernel for the server to accept it when the server stops
     * listening is reset, not told bye: a transcript's "carol connects" right before "server shuts
     * down" gives the server a moment to take every open connection in first.
     */
    @Override
    public void shutDown() {
        long open = connections.stream().filter(SocketConnection::isOpen).count();
        long deadline = System.nanoTime() + ACCEPT_BEFORE_SHUTDOWN.toNanos();
        try {
            while (server.stats().sessions() < open && System.nanoTime() < deadline) {
                Thread.sleep(ACCEPT_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutDown();
    }

    @Override
    public void close() {
        connections.forEach(SocketConnection::close);
        server.close();
    }

    private static final class SocketConnection implements ClientConnection {

        private final Socket socket;
        private final Inbox inbox = new Inbox();
        /** Writes come from the test thread and, for a client that stopped reading, the prober. */
        private final Object writeLock = new Object();
        /** Opened by a drop or the close: a reader held up by stopReading goes on (and drains) or fails. */
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean frozen;
        /** The transcript is done with this client: what still arrives is drained unseen, the end is not told. */
        private volatile boolean dropped;
        /** A write that met the reset took its error from the socket, so a read after it sees a plain end. */
        private volatile boolean resetSeen;

        SocketConnection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            Thread reader = new Thread(() -> read(in), "transcript-client-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in) {
            byte[] buffer = new byte[READ_BUFFER_BYTES];
            try {
                int count;
                while ((count = in.read(buffer)) >= 0) {
                    if (frozen && !dropped) {
                        // Not seen: a client that stopped reading would have left these bytes in its buffer.
                        released.await();
                    } else if (!dropped) {
                        inbox.bytes(buffer, 0, count);
                    }
                }
                if (frozen) {
                    // A prober's write may just have taken the reset's error, leaving this read a
                    // plain end: its verdict comes first.
                    released.await(2 * PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                }
                ended(false);
            } catch (IOException e) {
                ended(isReset(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Tells the inbox how the connection ended, unless the transcript is done with this client; then hangs up, as a client does. */
        private void ended(boolean reset) {
            if (!dropped) {
                if (reset || resetSeen) {
                    inbox.reset();
                } else {
                    inbox.closed();
                }
            }
            close();
        }

        boolean isOpen() {
            return !socket.isClosed();
        }

        private static boolean isReset(IOException e) {
            return e instanceof SocketException && e.getMessage() != null && e.getMessage().contains("reset");
        }

        @Override
        public void send(byte[] bytes) {
            try {
                write(bytes);
            } catch (IOException e) {
                // The server hung up first; the transcript sees that in the inbox.
                resetSeen |= isReset(e);
            }
        }

        private void write(byte[] bytes) throws IOException {
            synchronized (writeLock) {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            }
        }

        @Override
        public Inbox inbox() {
            return inbox;
        }

        /**
         * The reader takes nothing more off the socket, so the server's frames pile up in the
         * kernel buffers and then in the server. How the connection ends cannot be read without
         * reading what piled up first, so a prober writes an empty line (which the server skips)
         * now and then: the first write after a reset fails with "Connection reset by peer", one
         * after an orderly close (which answers it with a reset) with "Broken pipe".
         */
        @Override
        public void stopReading() {
            frozen = true;
            Thread prober = new Thread(this::probeUntilEnd, "transcript-client-prober");
            prober.setDaemon(true);
            prober.start();
        }

        private void probeUntilEnd() {
            byte[] emptyLine = {'\n'};
            try {
                while (!released.await(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (resetSeen) {
                        ended(true);
                        return;
                    }
                    write(emptyLine);
                }
            } catch (IOException e) {
                ended(isReset(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void stopSending() {
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server hung up first; the inbox shows that.
            }
        }

        /**
         * Ends the sending side, as the kernel does for a client whose process died, and reads
         * on unseen until the server closes too: closing with unread bytes would send a reset,
         * and the server would tell the room a different reason at random.
         */
        @Override
        public void drop() {
            dropped = true;
            released.countDown();
            stopSending();
        }

        void close() {
            dropped = true;
            released.countDown();
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone: that is what closing wants.
            }
        }
    }
}
