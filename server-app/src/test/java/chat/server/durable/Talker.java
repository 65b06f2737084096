package chat.server.durable;

import chat.protocol.ClientFrame;
import chat.protocol.FrameCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One person talking as fast as the rate limit allows, until the server goes away: it sends its
 * lines without waiting for their echoes, and keeps every line it saw acknowledged — its own echoes
 * and the lines others' said that reached it. What it saw acknowledged must survive any crash.
 */
final class Talker implements AutoCloseable {

    /** A line someone saw acknowledged: its room, seq, sender and text. */
    record Seen(String room, long seq, String from, String text) {}

    private static final FrameCodec CODEC = new FrameCodec();

    private final String nick;
    private final Socket socket;
    private final OutputStream out;
    private final ConcurrentLinkedQueue<Seen> acknowledged = new ConcurrentLinkedQueue<>();
    private final CountDownLatch welcomed = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean talking = true;
    private Thread mouth;

    private Talker(String nick, int port) throws IOException {
        this.nick = nick;
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        Thread ears = new Thread(this::listen, "talker-ears-" + nick);
        ears.setDaemon(true);
        ears.start();
    }

    /** Connects, says hello, and joins {@code room} as well as the default room. */
    static Talker in(int port, String nick, String room) throws Exception {
        Talker talker = new Talker(nick, port);
        talker.send(new ClientFrame.Hello(null, nick, 1, "crash-test/1"));
        if (!talker.welcomed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(nick + " was not welcomed");
        }
        talker.send(new ClientFrame.Join(null, room, null));
        return talker;
    }

    /** Says numbered lines into {@code room}, {@code perSecond} of them a second, until the server goes away. */
    void talk(String room, int perSecond) {
        long pause = TimeUnit.SECONDS.toNanos(1) / perSecond;
        mouth = new Thread(() -> {
            for (int line = 1; talking; line++) {
                try {
                    send(new ClientFrame.Say(nick + "-" + line, room, nick + " line " + line));
                } catch (UncheckedIOException gone) {
                    return;
                }
                long until = System.nanoTime() + pause;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        }, "talker-mouth-" + nick);
        mouth.setDaemon(true);
        mouth.start();
    }

    List<Seen> acknowledged() {
        return List.copyOf(acknowledged);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Waits until the server has gone away from this connection. */
    boolean awaitEnd(Duration patience) throws InterruptedException {
        return ended.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void listen() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                ServerFrame frame = CODEC.decodeServerFrame(line.getBytes(StandardCharsets.UTF_8));
                if (frame instanceof ServerFrame.Welcome) {
                    welcomed.countDown();
                } else if (frame instanceof ServerFrame.Message message) {
                    acknowledged.add(new Seen(message.room(), message.seq(), message.from(), message.text()));
                }
            }
        } catch (IOException | ProtocolException gone) {
            // A reset: the server was killed. What was seen until now is what counts.
        } finally {
            talking = false;
            ended.countDown();
        }
    }

    private synchronized void send(ClientFrame frame) {
        try {
            out.write(CODEC.encode(frame));
            out.flush();
        } catch (IOException e) {
            talking = false;
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        talking = false;
        socket.close();
        if (mouth != null) {
            mouth.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
