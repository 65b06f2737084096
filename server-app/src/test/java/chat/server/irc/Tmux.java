package chat.server.irc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tmux server of its own with one terminal, 200 by 50: where a full-screen program runs with
 * no person's terminal, gets typed to, and has its screen read.
 */
final class Tmux implements AutoCloseable {

    private static final String SESSION = "client";
    private static final long COMMAND_SECONDS = 10;

    private final Path socket;
    private final Path config;

    private Tmux(Path socket, Path config) {
        this.socket = socket;
        this.config = config;
    }

    /** Starts {@code shellCommand} in a new terminal; its own files (socket, config) go in {@code dir}. */
    static Tmux run(Path dir, String shellCommand) {
        Installed.require("tmux", "tmux");
        Tmux tmux = new Tmux(dir.resolve("tmux.sock"), dir.resolve("tmux.conf"));
        try {
            // A program that ends leaves its last screen readable, for the message of a failing test.
            Files.writeString(tmux.config, "set -g remain-on-exit on\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tmux.command("new-session", "-d", "-s", SESSION, "-x", "200", "-y", "50", shellCommand);
        return tmux;
    }

    /** Types {@code text} as it is, then Enter. */
    void typeLine(String text) {
        command("send-keys", "-t", SESSION, "-l", text);
        command("send-keys", "-t", SESSION, "Enter");
    }

    /** What the terminal shows, with some lines that scrolled off above it. */
    String screen() {
        try {
            return command("capture-pane", "-p", "-t", SESSION, "-S", "-100");
        } catch (IllegalStateException e) {
            return "(no screen: " + e.getMessage() + ")";
        }
    }

    /**
     * Kills the program outright, then ends the terminal. Hung up on, irssi takes a second or two
     * to say goodbye, writing into its directory meanwhile, which a test may be deleting by then;
     * killed, it writes nothing more, and loses nothing: its logs are written as it goes.
     */
    @Override
    public void close() {
        program().ifPresent(ProcessHandle::destroyForcibly);
        try {
            command("kill-server");
        } catch (IllegalStateException e) {
            // Already gone: nothing left to end.
        }
    }

    /** The program in the terminal, while it runs. */
    private Optional<ProcessHandle> program() {
        try {
            return ProcessHandle.of(Long.parseLong(command("display-message", "-p", "-t", SESSION, "#{pane_pid}").trim()));
        } catch (IllegalStateException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String command(String... arguments) {
        List<String> line = new ArrayList<>(List.of("tmux", "-f", config.toString(), "-S", socket.toString()));
        line.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tmux " + arguments[0] + " did not finish within " + COMMAND_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("tmux " + String.join(" ", arguments) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tmux " + arguments[0] + " ran", e);
        }
    }
}
