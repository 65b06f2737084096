package chat.actors.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.actors.ChatSettings;
import chat.actors.ConnectionEnd;
import chat.actors.RegistryActor;
import chat.protocol.FrameCodec;
import chat.protocol.ServerFrame;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, item 9: the session state machine fed generated conversations. Whatever comes in,
 * the session takes every line, writes only frames a client can read, still answers a ping at
 * the end unless it said bye for a reason the contract gives, never fails, and a bystander in
 * the same lobby carries on. All {@link #TRIES} conversations come from a fixed seed and every run
 * tries all of them, so a failure, which names the seed, the try and the conversation, happens
 * again on the next run. There is no time bound: a run cut short would pass untried cases.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class SessionFuzzTest {

    private static final long SEED = 0x5E55_1011L;
    private static final int TRIES = 300;
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final FrameCodec CODEC = new FrameCodec();
    private static final Set<String> LEGITIMATE_BYES = Set.of("client quit", "rate limit exceeded");
    private static final ChatSettings SETTINGS = ChatSettings.from(ConfigFactory
            .parseString("chat.limits.answer-timeout = 3s")
            .withFallback(ConfigFactory.load("application-test")).resolve());

    @JUnit5TestKit
    ActorTestKit testKit = ActorTestKit.create();

    @Test
    void noGeneratedConversationCrashesOrStallsASession() throws Exception {
        Random random = new Random(SEED);
        for (int tried = 0; tried < TRIES; tried++) {
            List<byte[]> conversation = Conversations.next(random);
            try {
                converse(conversation);
            } catch (Exception | AssertionError failure) {
                throw new AssertionError("seed " + SEED + ", try " + (tried + 1) + " of " + TRIES + ", conversation:\n"
                        + shown(conversation) + "\n" + failure.getMessage(), failure);
            }
        }
    }

    private void converse(List<byte[]> conversation) throws Exception {
        ActorRef<RegistryActor.Command> registry = testKit.spawn(RegistryActor.create(SETTINGS));
        try {
            FuzzedConnection bystander = new FuzzedConnection(testKit, registry);
            assertThat(bystander.send(CODEC.decodeRequest("{\"type\":\"hello\",\"nick\":\"bystander\"}"), PATIENCE)).isTrue();
            FuzzedConnection fuzzed = new FuzzedConnection(testKit, registry);
            for (byte[] line : conversation) {
                assertThat(fuzzed.send(CODEC.decodeRequest(line), PATIENCE))
                        .as("the session took %s within %s", shown(List.of(line)), PATIENCE)
                        .isTrue();
            }
            fuzzed.send(CODEC.decodeRequest("{\"type\":\"ping\",\"id\":\"final\"}"), PATIENCE);
            assertThat(fuzzed.awaitAnswerTo("final", PATIENCE)).as("the final ping was answered").isTrue();
            assertThat(fuzzed.unreadable).as("frames no client could read").isEmpty();
            fuzzed.frames.stream().filter(ServerFrame.Bye.class::isInstance).map(ServerFrame.Bye.class::cast)
                    .forEach(bye -> assertThat(bye.reason()).isIn(LEGITIMATE_BYES));
            assertThat(fuzzed.end.get() instanceof ConnectionEnd.Aborted).as("the connection was reset: %s", fuzzed.end.get()).isFalse();

            bystander.send(CODEC.decodeRequest("{\"type\":\"ping\",\"id\":\"still\"}"), PATIENCE);
            assertThat(bystander.awaitAnswerTo("still", PATIENCE)).as("the bystander still answers").isTrue();
            assertThat(bystander.saidBye()).isFalse();
            assertThat(bystander.unreadable).isEmpty();
        } finally {
            testKit.stop(registry);
        }
    }

    private static String shown(List<byte[]> lines) {
        return lines.stream().map(line -> new String(line, StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
    }
}
