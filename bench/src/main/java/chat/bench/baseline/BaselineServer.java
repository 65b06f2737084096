package chat.bench.baseline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * The lab's chat server, rebuilt in Java as the yardstick for ours: one thread per client, one
 * global lock, and one broadcaster thread that writes every frame to every recipient's socket in
 * turn. It speaks the part of protocol v1 the load generator needs (hello, default room, join, say,
 * ping, bye), through the same {@link chat.protocol.FrameCodec}, so both servers put the same bytes
 * on the wire.
 *
 * <p>Usage: {@code BaselineServer [--host H] [--port P] [--default-room ROOM|""]}
 */
public final class BaselineServer {

    /** Like a C server that reports accept(2) failing and tries again instead of exiting. */
    private static final long ACCEPT_RETRY_MILLIS = 10;
    private static final int ACCEPT_BACKLOG = 4096;

    private final ServerSocket listener;
    private final Hub hub;

    private BaselineServer(ServerSocket listener, Hub hub) {
        this.listener = listener;
        this.hub = hub;
    }

    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 7777;
        String defaultRoom = "lobby";
        for (int index = 0; index + 1 < args.length; index += 2) {
            switch (args[index]) {
                case "--host" -> host = args[index + 1];
                case "--port" -> port = Integer.parseInt(args[index + 1]);
                case "--default-room" -> defaultRoom = args[index + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[index]);
            }
        }
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), ACCEPT_BACKLOG);
        Hub hub = new Hub(defaultRoom.isEmpty() ? null : defaultRoom);
        Thread broadcaster = new Thread(new Broadcaster(hub), "broadcaster");
        broadcaster.start();
        System.out.println("baseline listening on " + listener.getLocalSocketAddress());
        new BaselineServer(listener, hub).acceptForever();
    }

    private void acceptForever() {
        AcceptFailures failures = new AcceptFailures();
        while (true) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                failures.report(e);
                sleepQuietly(ACCEPT_RETRY_MILLIS);
                continue;
            }
            try {
                Thread thread = new Thread(new ClientThread(new Connection(socket), hub), "client-" + socket.getPort());
                thread.start();
            } catch (OutOfMemoryError | IOException e) {
                failures.report(e);
                closeQuietly(socket);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The socket is being given up; nothing is left to tell its peer.
        }
    }
}
