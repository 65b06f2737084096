package chat.server.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import chat.server.ServerProcess;
import chat.server.irc.IrcRawClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way an IRC user types a password (NickServ REGISTER and PASSWORD, PASS, SASL PLAIN),
 * right and wrong, on a real server logging at debug level: none of them, nor a SASL response
 * that holds one, is in the log.
 */
class IrcPasswordsAreNotLoggedTest {

    private static final String FIRST = "dave-first-secret";
    private static final String SECOND = "dave-second-secret";
    private static final String GUESSED_WITH_PASS = "mallory-pass-guess";
    private static final String GUESSED_WITH_SASL = "mallory-sasl-guess";

    @TempDir
    Path logging;

    private static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString((account + "\0" + account + "\0" + password).getBytes(UTF_8));
    }

    @Test
    void passwordsTypedOverIrcAreNotInTheServersDebugLog() throws Exception {
        Path debugLogging = Files.writeString(logging.resolve("logback-debug.xml"), AccountsOverRealServerTest.DEBUG_LOGGING);
        String log;
        try (ServerProcess server = ServerProcess.start("-Dlogback.configurationFile=" + debugLogging,
                "-Dpekko.loglevel=DEBUG", "-Dpekko.log-dead-letters=on")) {
            int port = server.ircPort();
            try (IrcRawClient dave = IrcRawClient.registered(port, "dave")) {
                dave.send("PRIVMSG NickServ :REGISTER " + FIRST);
                dave.awaitLine(line -> line.contains("You are now registered as account dave"));
                dave.send("PRIVMSG NickServ :PASSWORD " + FIRST + " " + SECOND);
                dave.awaitLine(line -> line.contains("Your password has been changed"));
            }
            try (IrcRawClient mallory = IrcRawClient.connect(port)) {
                mallory.send("PASS :" + GUESSED_WITH_PASS, "NICK dave", "USER mallory 0 * :mallory");
                mallory.awaitLine(line -> line.contains(" 464 "));
                mallory.send("CAP LS 302", "CAP REQ :sasl", "AUTHENTICATE PLAIN");
                mallory.awaitLine(line -> line.equals("AUTHENTICATE +"));
                mallory.send("AUTHENTICATE " + plain("dave", GUESSED_WITH_SASL));
                mallory.awaitLine(line -> line.contains(" 904 "));
            }
            try (IrcRawClient owner = IrcRawClient.connect(port)) {
                owner.send("CAP LS 302", "NICK dave", "USER dave 0 * :dave", "CAP REQ :sasl", "AUTHENTICATE PLAIN");
                owner.awaitLine(line -> line.equals("AUTHENTICATE +"));
                owner.send("AUTHENTICATE " + plain("dave", SECOND));
                owner.awaitLine(line -> line.contains(" 903 "));
                owner.send("CAP END");
                owner.awaitLine(line -> line.contains(" 001 dave "));
            }
            server.terminate();
            server.awaitExit(Duration.ofSeconds(30));
            log = server.log();
        }

        assertThat(log).as("the server's debug log").contains("registered account dave", "logged in to account dave");
        for (String secret : List.of(FIRST, SECOND, GUESSED_WITH_PASS, GUESSED_WITH_SASL, plain("dave", SECOND),
                plain("dave", GUESSED_WITH_SASL))) {
            assertThat(log).as("the server's debug log").doesNotContain(secret);
        }
    }
}
