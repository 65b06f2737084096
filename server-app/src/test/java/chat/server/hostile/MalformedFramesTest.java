package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 4, item 1: every malformed frame earns one clear error and the session carries on. */
class MalformedFramesTest {

    private static final AtomicInteger NICKS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("chat.limits.rate = 1000", "chat.limits.burst = 1000");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON", "hello there", ErrorCode.BAD_FRAME),
                Arguments.of("a JSON array", "[{\"type\":\"ping\"}]", ErrorCode.BAD_FRAME),
                Arguments.of("a JSON string", "\"ping\"", ErrorCode.BAD_FRAME),
                Arguments.of("a JSON number", "42", ErrorCode.BAD_FRAME),
                Arguments.of("JSON null", "null", ErrorCode.BAD_FRAME),
                Arguments.of("an object without type", "{}", ErrorCode.BAD_FRAME),
                Arguments.of("a null type", "{\"type\":null}", ErrorCode.BAD_FRAME),
                Arguments.of("a type that is a number", "{\"type\":7}", ErrorCode.BAD_FRAME),
                Arguments.of("duplicate keys", "{\"type\":\"ping\",\"type\":\"bye\"}", ErrorCode.BAD_FRAME),
                Arguments.of("trailing garbage", "{\"type\":\"ping\"} garbage", ErrorCode.BAD_FRAME),
                Arguments.of("two objects on one line", "{\"type\":\"ping\"}{\"type\":\"ping\"}", ErrorCode.BAD_FRAME),
                Arguments.of("an unclosed object", "{\"type\":\"ping\"", ErrorCode.BAD_FRAME),
                Arguments.of("text of the wrong type", "{\"type\":\"say\",\"room\":\"lobby\",\"text\":42}", ErrorCode.BAD_REQUEST),
                Arguments.of("a room that is an object", "{\"type\":\"join\",\"room\":{\"name\":\"x\"}}", ErrorCode.BAD_REQUEST),
                Arguments.of("a null room", "{\"type\":\"say\",\"room\":null,\"text\":\"hi\"}", ErrorCode.BAD_REQUEST),
                Arguments.of("a missing text", "{\"type\":\"say\",\"room\":\"lobby\"}", ErrorCode.BAD_REQUEST),
                Arguments.of("an id that is a number", "{\"type\":\"ping\",\"id\":7}", ErrorCode.BAD_REQUEST),
                Arguments.of("a negative since", "{\"type\":\"join\",\"room\":\"x\",\"since\":-1}", ErrorCode.BAD_REQUEST),
                Arguments.of("a fractional limit", "{\"type\":\"history\",\"room\":\"lobby\",\"limit\":2.5}", ErrorCode.BAD_REQUEST),
                Arguments.of("a limit over 200", "{\"type\":\"history\",\"room\":\"lobby\",\"limit\":201}", ErrorCode.BAD_REQUEST),
                Arguments.of("an unknown type", "{\"type\":\"fly\"}", ErrorCode.UNKNOWN_TYPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aRegisteredClientGetsAnErrorAndCarriesOn(String what, String line, ErrorCode expected) {
        try (RawClient client = RawClient.registered(server.port(), nextNick())) {
            client.sendLine(line);
            client.receiveError(expected);
            client.assertAlive("after " + expected.wire());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aClientBeforeHelloGetsTheSameErrorAndMayStillRegister(String what, String line, ErrorCode expected) {
        try (RawClient client = RawClient.connect(server.port())) {
            client.sendLine(line);
            client.receiveError(expected);
            client.hello(nextNick());
            client.assertAlive("registered");
        }
    }

    @Test
    void theErrorAnswersTheRequestIdWhenItCouldBeRead() {
        try (RawClient client = RawClient.registered(server.port(), nextNick())) {
            client.sendLine("{\"type\":\"fly\",\"id\":\"q1\"}");
            assertThat(client.receiveError(ErrorCode.UNKNOWN_TYPE).re()).isEqualTo("q1");
            client.sendLine("{\"type\":\"say\",\"id\":\"q2\",\"room\":\"lobby\",\"text\":null}");
            assertThat(client.receiveError(ErrorCode.BAD_REQUEST).re()).isEqualTo("q2");
        }
    }

    @Test
    void noMalformedFrameReachesAnotherMember() {
        try (RawClient witness = RawClient.registered(server.port(), nextNick())) {
            String attackerNick = nextNick();
            try (RawClient attacker = RawClient.registered(server.port(), attackerNick)) {
                witness.awaitPresence(attackerNick, PresenceEvent.JOIN);
                malformed().forEach(arguments -> {
                    attacker.sendLine((String) arguments.get()[1]);
                    attacker.receiveError((ErrorCode) arguments.get()[2]);
                });
                attacker.send(new ClientFrame.Say("s", "lobby", "still here"));
                attacker.receive(ServerFrame.Message.class);
            }
            ServerFrame.Message next = witness.receive(ServerFrame.Message.class);
            assertThat(next.from()).isEqualTo(attackerNick);
            assertThat(next.text()).isEqualTo("still here");
        }
    }

    private static String nextNick() {
        return "m" + NICKS.incrementAndGet();
    }
}
