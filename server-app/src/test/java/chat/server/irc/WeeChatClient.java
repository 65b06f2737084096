package chat.server.irc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * WeeChat without its terminal (weechat-headless), with a fresh home: typed to through its fifo
 * plugin, read through its logger plugin's file per buffer.
 */
final class WeeChatClient implements RealIrcClient {

    /** WeeChat's name for our server; its buffers are named after it. */
    private static final String SERVER = "test";
    private static final long STOP_SECONDS = 5;

    private final Process process;
    private final Path fifo;
    private final ClientLogs logs;

    private WeeChatClient(Process process, Path fifo, ClientLogs logs) {
        this.process = process;
        this.fifo = fifo;
        this.logs = logs;
    }

    /** Starts WeeChat as {@code nick}, connecting to the IRC port {@code port} on loopback; {@code home} is its own. */
    static WeeChatClient connect(Path home, int port, String nick) {
        return start(home, port, nick, "");
    }

    /** Starts WeeChat as {@code nick}, logging in to {@code account} with SASL PLAIN, set in the server's options. */
    static WeeChatClient connectWithSasl(Path home, int port, String nick, String account, String password) {
        return start(home, port, nick, " -sasl_mechanism=plain -sasl_username=" + account + " -sasl_password=" + password);
    }

    /** {@code serverOptions} are added to the server's. */
    private static WeeChatClient start(Path home, int port, String nick, String serverOptions) {
        Installed.require("weechat-headless", "weechat-headless");
        Path fifo = home.resolve("fifo");
        Path logDir = home.resolve("logs");
        Path output = home.resolve("weechat-headless.out");
        // Only the plugins used, for a quick start. WeeChat 4 connects with TLS unless told -notls;
        // 3.8 connects without and ignores it. Its anti-flood delays would hold back a fast typist.
        String commands = String.join(";", List.of(
                "/set fifo.file.path " + fifo,
                "/set logger.file.path " + logDir,
                "/set logger.file.flush_delay 0",
                "/server add " + SERVER + " 127.0.0.1/" + port + " -notls -nicks=" + nick + " -username=" + nick
                        + " -realname=" + nick + " -anti_flood_prio_high=0 -anti_flood_prio_low=0" + serverOptions,
                "/connect " + SERVER));
        ProcessBuilder builder = new ProcessBuilder("weechat-headless", "--dir", home.toString(),
                "--plugins", "irc,logger,fifo", "--run-command", commands)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        try {
            Process process = builder.start();
            // WeeChat's own log and its output tell why it could not start or load a plugin.
            return new WeeChatClient(process, fifo, new ClientLogs(logDir, () -> "== weechat.log\n"
                    + read(home.resolve("weechat.log")) + "\n== weechat-headless's output\n" + read(output)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the buffer, as its user would (the fifo, set up before WeeChat connects, is there
     * by then), then writes in the fifo plugin's form: the buffer's full name, then the line as
     * if typed into that buffer.
     */
    @Override
    public void type(String window, String line) {
        logs.awaitFile(logOf(window));
        try {
            Files.writeString(fifo, bufferOf(window) + " *" + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String awaitServerLine(String... pieces) {
        return logs.awaitLine("irc.server." + SERVER + ".weechatlog", pieces);
    }

    @Override
    public String awaitLine(String window, String... pieces) {
        return logs.awaitLine(logOf(window), pieces);
    }

    /** The logger writes a line as date, then the nick, then the text, separated by tabs. */
    @Override
    public String awaitSaid(String window, String nick, String text) {
        return awaitLine(window, "\t" + nick + "\t" + text);
    }

    @Override
    public String transcript() {
        return logs.everything();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String bufferOf(String window) {
        return "irc." + SERVER + "." + window;
    }

    /** The logger's file of a buffer, named after the buffer in lower case. */
    private static String logOf(String window) {
        return bufferOf(window).toLowerCase(Locale.ROOT) + ".weechatlog";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
