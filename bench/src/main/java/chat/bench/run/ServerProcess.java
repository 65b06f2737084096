package chat.bench.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server under test in its own JVM, its output in a log file. */
final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 90_000;
    private static final long PROBE_INTERVAL_MILLIS = 100;
    private static final int PROBE_TIMEOUT_MILLIS = 500;
    private static final long STOP_GRACE_SECONDS = 15;
    private static final long TAIL_BYTES = 256 * 1024;

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(List<String> command, int port, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                server.close();
                throw new IOException("server did not start listening on " + port + ": " + server.logTail(20));
            }
            TimeUnit.MILLISECONDS.sleep(PROBE_INTERVAL_MILLIS);
        }
        return server;
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

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
