package chat.transcript;

import chat.server.TestServer;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The real server, in this JVM, on an ephemeral loopback port with a store of its own; clients are plain sockets. */
final class TcpHarness implements ChatHarness {

    private static final int READ_BUFFER_BYTES = 8192;
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

    /** Starts a server with the transcript's settings over the defaults. */
    static TcpHarness start(Config transcriptSettings) {
        return new TcpHarness(TestServer.start(transcriptSettings));
    }

    @Override
    public ClientConnection connect() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(SOCKET_RECEIVE_BUFFER_BYTES);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        SocketConnection connection = new SocketConnection(socket);
        connections.add(connection);
        return connection;
    }

    @Override
    public void shutDown() {
        server.shutDown();
    }

    @Override
    public void close() {
        connections.forEach(SocketConnection::drop);
        server.close();
    }

    private static final class SocketConnection implements ClientConnection {

        private final Socket socket;
        private final Inbox inbox = new Inbox();
        /** Open while the client reads; stopReading closes it until the connection is dropped. */
        private volatile CountDownLatch resumed = new CountDownLatch(0);

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
                    inbox.bytes(buffer, 0, count);
                    resumed.await();
                }
            } catch (IOException e) {
                // A reset or our own drop ends the stream just like an orderly close.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inbox.closed();
            // The server has finished: hang up too, as a client does.
            drop();
        }

        @Override
        public void send(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server hung up first; the transcript sees that as the closed connection in the inbox.
            }
        }

        @Override
        public Inbox inbox() {
            return inbox;
        }

        @Override
        public void stopReading() {
            resumed = new CountDownLatch(1);
        }

        @Override
        public void stopSending() {
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server hung up first; the inbox shows that.
            }
        }

        @Override
        public void drop() {
            resumed.countDown();
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone: that is what dropping wants.
            }
        }
    }
}
