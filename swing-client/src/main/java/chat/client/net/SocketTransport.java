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
import javax.net.ssl.SSLException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} over a socket, plain or inside TLS: one reader thread (which also connects)
 * and one writer thread fed by a queue, so sending never waits for the network and both
 * directions run at once.
 */
public final class SocketTransport implements Transport {

    /** Server frames carry whole histories; only a broken server sends a line this long. */
    static final int MAX_SERVER_FRAME_BYTES = 64 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(SocketTransport.class.getName());

    /** What the writer takes from its queue: a frame, or the order to finish or stop. */
    private record Outgoing(ClientFrame frame) {}

    private static final Outgoing FINISH = new Outgoing(null);
    private static final Outgoing STOP = new Outgoing(null);

    /** The connection was not made because the server's certificate is not trusted; the message says why. */
    private static final class Untrusted extends IOException {
        Untrusted(String reason) {
            super(reason);
        }
    }

    private final Endpoint endpoint;
    private final TransportListener listener;
    private final FrameCodec codec;
    private final CertificatePins pins;
    private final CertificateTrust trust;
    private final BlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The TCP connection of the attempt under way: closing it stops a read or a handshake at once, TLS or not. */
    private volatile Socket tcp = new Socket();
    /** What frames go through: {@link #tcp} itself, or the TLS socket over it. */
    private volatile Socket socket = tcp;

    private SocketTransport(Endpoint endpoint, TransportListener listener, FrameCodec codec, CertificatePins pins,
            CertificateTrust trust) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.codec = codec;
        this.pins = pins;
        this.trust = trust;
    }

    /** A plain connection, or a TLS one that trusts no certificate. */
    static SocketTransport open(Endpoint endpoint, TransportListener listener, FrameCodec codec) {
        return open(endpoint, listener, codec, CertificatePins.inMemory(), CertificateTrust.NOBODY);
    }

    /** For a TLS endpoint, {@code pins} say which certificate to trust and {@code trust} is asked about a new one. */
    static SocketTransport open(Endpoint endpoint, TransportListener listener, FrameCodec codec, CertificatePins pins,
            CertificateTrust trust) {
        SocketTransport transport = new SocketTransport(endpoint, listener, codec, pins, trust);
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
            connect();
            input = socket.getInputStream();
            output = new BufferedOutputStream(socket.getOutputStream());
        } catch (Untrusted e) {
            shutdown(e.getMessage(), ConnectFailure.UNTRUSTED);
            return;
        } catch (IOException e) {
            shutdown(connectFailure(e), e instanceof UnknownHostException ? ConnectFailure.UNKNOWN_HOST
                    : e instanceof ConnectException ? ConnectFailure.REFUSED
                    : e instanceof SSLException ? ConnectFailure.NO_TLS : ConnectFailure.UNREACHABLE);
            return;
        }
        // Daemon-free on purpose: a quitting client's last frames (its bye) get written before the JVM exits.
        Thread writer = new Thread(() -> write(output), "chat-writer " + endpoint);
        writer.start();
        read(input);
    }

    /**
     * Connects, and for a TLS server shakes hands. A certificate seen for the first time is put to
     * the user with no connection open, since a person may take longer over it than a server waits
     * for a handshake; once they trust it, it is pinned and the connection made again.
     */
    private void connect() throws IOException {
        while (true) {
            tcp.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), Math.toIntExact(CONNECT_TIMEOUT.toMillis()));
            tcp.setTcpNoDelay(true);
            if (!endpoint.tls()) {
                return;
            }
            try {
                socket = TlsHandshake.secure(tcp, endpoint, pins, HANDSHAKE_TIMEOUT);
                return;
            } catch (TlsHandshake.Untrusted e) {
                tcp.close();
                trustOrRefuse(e.refusal());
                tcp = new Socket();
                socket = tcp;
                if (closed.get()) {
                    // Closed while the user was asked: the socket just made is never used.
                    throw new SocketException("closed by this client");
                }
            }
        }
    }

    private void trustOrRefuse(PinningTrustManager.Refusal refusal) throws Untrusted {
        if (refusal.pinned() != null) {
            trust.refusedChanged(endpoint, refusal.pinned(), refusal.presented());
            // The fingerprints were shown to the person just now; the reason stays short enough for a status line.
            throw new Untrusted("the certificate of " + endpoint + " has changed since you trusted it: the connection was refused");
        }
        if (!trust.trustFirstSeen(endpoint, refusal.presented())) {
            throw new Untrusted("you did not trust the certificate of " + endpoint);
        }
        pins.pin(endpoint, refusal.presented());
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
            // The TCP socket rather than the TLS one: closing TLS would first try to say goodbye to a server that may not listen.
            tcp.close();
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
        if (e instanceof SSLException) {
            return endpoint + " does not speak TLS, or no version this client knows (" + e.getMessage()
                    + "): is it the server's TLS port?";
        }
        return "cannot reach " + endpoint + ": " + e.getMessage();
    }
}
