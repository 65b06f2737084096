package chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server as its own process ({@code chat.server.Main} on conf/application.conf) with a small
 * heap that ends the process on OutOfMemoryError: a test that runs against it and finds it alive
 * afterwards has shown the heap stayed bounded. Its store is a file of its own, or one the test
 * owns, so that a second process can find what the first stored.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String MAX_HEAP = "-Xmx128m";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** The listener's own line: at DEBUG, Pekko's remoting also logs a "listening on" of its own. */
    private static final Pattern LISTENING = Pattern.compile("ChatServer - listening on .*:(\\d+)");
    private static final Pattern LISTENING_TLS = Pattern.compile("ChatServer - listening for TLS clients on .*:(\\d+)");
    private static final Pattern LISTENING_FOR_IRC = Pattern.compile("ChatServer - listening for IRC clients on .*:(\\d+)");

    private final Process process;
    /** The store this process owns and deletes when it is closed; null for one the test owns. */
    private final TestStore ownStore;
    private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Integer> tlsPort = new CompletableFuture<>();
    private final CompletableFuture<Integer> ircPort = new CompletableFuture<>();

    private ServerProcess(Process process, TestStore ownStore) {
        this.process = process;
        this.ownStore = ownStore;
        Thread reader = new Thread(this::readOutput, "server-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code settings} are {@code -D} options such as {@code -Dchat.heartbeat=1s}; the store is a fresh file. */
    public static ServerProcess start(String... settings) {
        TestStore store = TestStore.onDisk();
        return listening(launch(new ArrayList<>(), store, store, settings));
    }

    /** A server process on {@code store}, which the test owns and closes. */
    public static ServerProcess startOn(TestStore store, String... settings) {
        return listening(launch(new ArrayList<>(), store, null, settings));
    }

    /** A server process that may open at most {@code descriptors} files, as under {@code ulimit -n}. */
    public static ServerProcess startWithDescriptorLimit(int descriptors, String... settings) {
        TestStore store = TestStore.onDisk();
        return listening(launch(new ArrayList<>(List.of("bash", "-c", "ulimit -n " + descriptors + " && exec \"$@\"", "bash")),
                store, store, settings));
    }

    /** A server process that is expected not to start: it is not waited for. */
    public static ServerProcess attemptOn(TestStore store, String... settings) {
        return launch(new ArrayList<>(), store, null, settings);
    }

    private static ServerProcess launch(List<String> command, TestStore store, TestStore ownStore, String... settings) {
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                MAX_HEAP, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(store.options());
        // Before the test's settings, which may name a directory of their own: the last -D wins.
        command.add("-Dchat.tls.self-signed-dir=" + TestServer.CERTIFICATE_DIR);
        command.addAll(Arrays.asList(settings));
        command.addAll(List.of("-cp", serverClassPath(), "chat.server.Main",
                "--config", configFile().toString(), "--host", "127.0.0.1", "--port", "0", "--irc-port", "0",
                "--tls-port", "0", "--irc-tls-port", "0"));
        try {
            return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), ownStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerProcess listening(ServerProcess server) {
        try {
            server.port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return server;
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException("the server process did not start listening", e);
        }
    }

    public int port() {
        return port.join();
    }

    /** The port of the TLS listener (JSON lines inside TLS). */
    public int tlsPort() {
        return tlsPort.join();
    }

    /** The IRC listener's port, which the server logs just after the JSON one's. */
    public int ircPort() {
        return ircPort.orTimeout(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM, as an operator or a service manager would. */
    public void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL, as a crash or a pulled plug would: nothing of the server runs after it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the killed process ended").isTrue();
    }

    /** The exit code, once the process has ended within {@code timeout}; fails the test otherwise. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("the server process ended within %s; its log:%n%s", timeout, log())
                .isTrue();
        return process.exitValue();
    }

    public String log() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownStore != null) {
            ownStore.close();
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
                Matcher listeningTls = LISTENING_TLS.matcher(line);
                if (listeningTls.find()) {
                    tlsPort.complete(Integer.parseInt(listeningTls.group(1)));
                }
                Matcher listeningForIrc = LISTENING_FOR_IRC.matcher(line);
                if (listeningForIrc.find()) {
                    ircPort.complete(Integer.parseInt(listeningForIrc.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        IllegalStateException ended = new IllegalStateException("the server process ended:\n" + log());
        port.completeExceptionally(ended);
        tlsPort.completeExceptionally(ended);
        ircPort.completeExceptionally(ended);
    }

    /** This test's class path without the test classes, so the server logs as it would in production. */
    private static String serverClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static Path configFile() {
        Path config = Path.of("..", "conf", "application.conf").toAbsolutePath().normalize();
        assertThat(Files.isReadable(config)).as("%s is readable", config).isTrue();
        return config;
    }
}
