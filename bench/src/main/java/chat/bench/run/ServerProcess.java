package chat.bench.run;

import chat.protocol.ClientFrame;
import chat.protocol.FrameCodec;
import chat.protocol.ProtocolException;
import chat.protocol.ServerFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM, its output in a log file. It counts as started once a
 * first client has been welcomed and let into a room: our server listens before its store has
 * answered a first query, and opens its first room from a store still cold, and a scenario
 * measures a server that is up, not one that is still starting.
 */
final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 90_000;
    private static final long PROBE_INTERVAL_MILLIS = 100;
    private static final int PROBE_TIMEOUT_MILLIS = 500;
    private static final int ANSWER_TIMEOUT_MILLIS = 10_000;
    private static final String PROBE_NICK = "bench-probe";
    /** Opened for the probe and left again: without a line said in it, it is not stored. */
    private static final String PROBE_ROOM = "bench-probe";
    private static final long STOP_GRACE_SECONDS = 15;
    private static final long TAIL_BYTES = 256 * 1024;
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final Process process;
    private final Path log;
    private double listeningSeconds;
    private double readySeconds;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(List<String> command, int port, Path log) throws IOException, InterruptedException {
        long startedAt = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log);
        long deadline = startedAt + START_TIMEOUT_MILLIS;
        while (!accepts(port)) {
            server.stopIfLate(deadline, "start listening on " + port);
            TimeUnit.MILLISECONDS.sleep(PROBE_INTERVAL_MILLIS);
        }
        server.listeningSeconds = (System.currentTimeMillis() - startedAt) / MILLIS_PER_SECOND;
        while (!letsIntoARoom(port)) {
            server.stopIfLate(deadline, "let a client into a room on " + port);
            TimeUnit.MILLISECONDS.sleep(PROBE_INTERVAL_MILLIS);
        }
        server.readySeconds = (System.currentTimeMillis() - startedAt) / MILLIS_PER_SECOND;
        return server;
    }

    /** From starting the JVM until the server accepted a connection. */
    double listeningSeconds() {
        return listeningSeconds;
    }

    /** From starting the JVM until the server let a first client into a room. */
    double readySeconds() {
        return readySeconds;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The last lines the server printed; only the end of the file is read, a server may log gigabytes. */
    List<String> logTail(int lines) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            List<String> all = List.of(new String(tail, StandardCharsets.UTF_8).split("\n"));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void stopIfLate(long deadline, String what) throws IOException, InterruptedException {
        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
            close();
            throw new IOException("server did not " + what + ": " + logTail(20));
        }
    }

    /**
     * Says hello, joins the probe's room and says bye; true when the room let it in, false on an
     * error (a store not ready yet answers {@code unavailable}) or no answer.
     */
    private static boolean letsIntoARoom(int port) {
        FrameCodec codec = new FrameCodec();
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MILLIS);
            probe.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            OutputStream out = probe.getOutputStream();
            out.write(codec.encode(new ClientFrame.Hello(null, PROBE_NICK, null, null)));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ServerFrame frame = codec.decodeServerFrame(line);
                if (frame instanceof ServerFrame.Welcome) {
                    out.write(codec.encode(new ClientFrame.Join(null, PROBE_ROOM, null)));
                    out.flush();
                } else if (frame instanceof ServerFrame.Joined joined && joined.room().equals(PROBE_ROOM)) {
                    out.write(codec.encode(new ClientFrame.Bye(null, null)));
                    out.flush();
                    return true;
                } else if (frame instanceof ServerFrame.Error) {
                    return false;
                }
            }
            return false;
        } catch (IOException | ProtocolException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
