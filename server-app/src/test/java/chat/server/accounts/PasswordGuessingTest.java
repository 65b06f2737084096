package chat.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.Secret;
import chat.protocol.ServerFrame;
import chat.server.RawClient;
import chat.server.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A script that tries a thousand passwords learns nothing fast: with the shipped throttle, a few
 * seconds of guessing, as fast as the server answers and on fresh connections, get only a
 * handful of passwords checked; the rest are refused unchecked, the right one among them.
 */
class PasswordGuessingTest {

    private static final String PASSWORD = "the real one, 42";
    private static final int GUESSES = 1000;
    private static final Duration GUESSING_FOR = Duration.ofSeconds(5);
    /** Per account: three free failures, then lockouts of 2 s, 4 s, ...: in 5 s at most two more checks. */
    private static final int MOST_CHECKED_IN_FIVE_SECONDS = 6;
    /** Guesses sent at the same moment on connections of their own. */
    private static final int AT_ONCE = 12;
    /** Three free failures and the one that locks the account out. */
    private static final int CHECKED_BEFORE_THE_LOCKOUT = 4;
    /** The session's own rate limit is not what slows the script: every guess is a fresh connection. */
    private static final int GUESSES_PER_CONNECTION = 10;

    @Test
    void guessesSentAllAtOnceMeetTheLockoutTheirPredecessorsEarned() {
        try (TestServer server = TestServer.start();
             RawClient owner = RawClient.registered(server.port(), "alice")) {
            owner.send(new ClientFrame.Register(null, new Secret(PASSWORD)));
            owner.receive(ServerFrame.Registered.class);

            List<RawClient> scripts = new ArrayList<>();
            try {
                for (int i = 0; i < AT_ONCE; i++) {
                    scripts.add(RawClient.connect(server.port()));
                }
                for (int i = 0; i < AT_ONCE; i++) {
                    scripts.get(i).send(new ClientFrame.Hello(null, "alice", 1, "guesser", new Secret("guess number " + i)));
                }
                Map<ErrorCode, Integer> answers = new EnumMap<>(ErrorCode.class);
                scripts.forEach(script -> answers.merge(script.receive(ServerFrame.Error.class).code(), 1, Integer::sum));
                assertThat(answers.getOrDefault(ErrorCode.AUTH_FAILED, 0)).as("passwords checked of %s at once: %s", AT_ONCE, answers)
                        .isEqualTo(CHECKED_BEFORE_THE_LOCKOUT);
                assertThat(answers.getOrDefault(ErrorCode.RATE_LIMITED, 0)).isEqualTo(AT_ONCE - CHECKED_BEFORE_THE_LOCKOUT);
            } finally {
                scripts.forEach(RawClient::close);
            }
        }
    }

    @Test
    void aThousandGuessesOnFreshConnectionsGetOnlyAFewPasswordsChecked() {
        try (TestServer server = TestServer.start();
             RawClient owner = RawClient.registered(server.port(), "alice")) {
            owner.send(new ClientFrame.Register(null, new Secret(PASSWORD)));
            owner.receive(ServerFrame.Registered.class);

            Map<ErrorCode, Integer> answers = new EnumMap<>(ErrorCode.class);
            long deadline = System.nanoTime() + GUESSING_FOR.toNanos();
            int guess = 0;
            while (guess < GUESSES && System.nanoTime() < deadline) {
                try (RawClient script = RawClient.connect(server.port())) {
                    for (int i = 0; i < GUESSES_PER_CONNECTION && guess < GUESSES; i++, guess++) {
                        script.send(new ClientFrame.Hello(null, "alice", 1, "guesser", new Secret("guess number " + guess)));
                        answers.merge(script.receive(ServerFrame.Error.class).code(), 1, Integer::sum);
                    }
                }
            }
            assertThat(answers.getOrDefault(ErrorCode.AUTH_FAILED, 0)).as("passwords checked, of %s guesses: %s", guess, answers)
                    .isBetween(3, MOST_CHECKED_IN_FIVE_SECONDS);
            assertThat(answers.getOrDefault(ErrorCode.RATE_LIMITED, 0)).as("guesses refused unchecked")
                    .isGreaterThan(guess / 2);

            try (RawClient script = RawClient.connect(server.port())) {
                script.send(new ClientFrame.Hello(null, "alice", 1, "guesser", new Secret(PASSWORD)));
                assertThat(script.receive(ServerFrame.Error.class).code())
                        .as("while locked out, even the right password is refused unchecked").isEqualTo(ErrorCode.RATE_LIMITED);
            }
        }
    }
}
