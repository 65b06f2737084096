package chat.client.testing;

import chat.client.net.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS listener in front of a plain chat server, as a server's own TLS port would be: a JDK
 * {@link SSLServerSocket} with a keytool-made certificate. It passes every line on and keeps a
 * copy of what the clients sent, so a test can tell that nothing was sent at all.
 */
public final class TlsRelay implements AutoCloseable {

    private final SSLServerSocket listener;
    private final Endpoint backend;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tls-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> fromClients = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedHandshakes = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TlsRelay(SSLServerSocket listener, Endpoint backend) {
        this.listener = listener;
        this.backend = backend;
    }

    /** Listens on a free loopback port with {@code keystore}'s certificate and passes everything on to {@code backend}. */
    public static TlsRelay start(TestCertificates.Keystore keystore, Endpoint backend) {
        try {
            SSLServerSocket listener = (SSLServerSocket) keystore.serverContext().getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TlsRelay relay = new TlsRelay(listener, backend);
            relay.threads.execute(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where clients reach it: over TLS. */
    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", listener.getLocalPort(), true);
    }

    /** Every line any client sent through it, in order. */
    public List<String> linesFromClients() {
        return List.copyOf(fromClients);
    }

    /** Handshakes the client broke off, as a client does with a certificate it does not trust. */
    public int failedHandshakes() {
        return failedHandshakes.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) listener.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try {
            client.startHandshake();
        } catch (IOException e) {
            failedHandshakes.incrementAndGet();
            closeQuietly(client);
            return;
        }
        try {
            Socket server = new Socket(backend.host(), backend.port());
            open.add(server);
            threads.execute(() -> copy(server, client));
            BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = server.getOutputStream();
            String line;
            while ((line = lines.readLine()) != null) {
                fromClients.add(line);
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            server.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            in.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // One side went away; the other is closed below.
        }
        closeQuietly(to);
        closeQuietly(from);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is left to do.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing is all that is left to do.
        }
        open.forEach(TlsRelay::closeQuietly);
        threads.shutdownNow();
    }
}
