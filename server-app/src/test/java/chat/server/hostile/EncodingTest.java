package chat.server.hostile;

import chat.server.RawClient;
import chat.server.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.ClientFrame;
import chat.protocol.ErrorCode;
import chat.protocol.PresenceEvent;
import chat.protocol.ServerFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 4, item 3: bytes that are not text are refused, never relayed; line endings are lenient only where the contract is. */
class EncodingTest {

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

    /** A say whose text holds {@code hex} as raw bytes. */
    private static byte[] sayWithRawBytes(String hex) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
        line.writeBytes(HexFormat.of().parseHex(hex));
        line.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        return line.toByteArray();
    }

    private static byte[] utf8(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("overlong slash C0 AF", sayWithRawBytes("c0af"), ErrorCode.BAD_FRAME),
                Arguments.of("encoded surrogate ED A0 80", sayWithRawBytes("eda080"), ErrorCode.BAD_FRAME),
                Arguments.of("byte F5", sayWithRawBytes("f5"), ErrorCode.BAD_FRAME),
                Arguments.of("byte FE", sayWithRawBytes("fe"), ErrorCode.BAD_FRAME),
                Arguments.of("byte FF", sayWithRawBytes("ff"), ErrorCode.BAD_FRAME),
                Arguments.of("lone continuation byte 80", sayWithRawBytes("80"), ErrorCode.BAD_FRAME),
                Arguments.of("sequence cut by the newline", cutByNewline(), ErrorCode.BAD_FRAME),
                Arguments.of("escaped lone high surrogate", utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a\\ud800b\"}\n"), ErrorCode.BAD_FRAME),
                Arguments.of("escaped lone low surrogate", utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"\\udc00\"}\n"), ErrorCode.BAD_FRAME),
                Arguments.of("raw NUL byte in a string", sayWithRawBytes("00"), ErrorCode.BAD_FRAME),
                Arguments.of("raw bell byte in a string", sayWithRawBytes("07"), ErrorCode.BAD_FRAME),
                Arguments.of("escaped NUL in text", utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a\\u0000b\"}\n"), ErrorCode.BAD_TEXT),
                Arguments.of("escaped escape character in text", utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"\\u001b[2J\"}\n"), ErrorCode.BAD_TEXT),
                Arguments.of("escaped DEL in text", utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a\\u007fb\"}\n"), ErrorCode.BAD_TEXT),
                Arguments.of("escaped CR in text", utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a\\rb\"}\n"), ErrorCode.BAD_TEXT),
                Arguments.of("newline in a topic", utf8("{\"type\":\"topic\",\"room\":\"lobby\",\"topic\":\"a\\nb\"}\n"), ErrorCode.BAD_TEXT),
                Arguments.of("NUL in a whisper", utf8("{\"type\":\"whisper\",\"to\":\"nobody\",\"text\":\"\\u0000\"}\n"), ErrorCode.BAD_TEXT),
                Arguments.of("lone CR between two frames", utf8("{\"type\":\"ping\"}\r{\"type\":\"ping\"}\n"), ErrorCode.BAD_FRAME),
                Arguments.of("raw CR inside a string", utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a\rb\"}\n"), ErrorCode.BAD_FRAME));
    }

    /** The first byte of é, then the newline: the character never finishes. */
    private static byte[] cutByNewline() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(utf8("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"caf"));
        line.write(0xC3);
        line.write('\n');
        return line.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithAnErrorAndNeverRelayed(String what, byte[] bytes, ErrorCode expected) {
        try (RawClient witness = RawClient.registered(server.port(), nextNick())) {
            String senderNick = nextNick();
            try (RawClient sender = RawClient.registered(server.port(), senderNick)) {
                witness.awaitPresence(senderNick, PresenceEvent.JOIN);
                sender.sendBytes(bytes);
                sender.receiveError(expected);
                sender.send(new ClientFrame.Say("ok", "lobby", "plain text"));
                assertThat(sender.receive(ServerFrame.Message.class).text()).isEqualTo("plain text");
            }
            ServerFrame.Message relayed = witness.receive(ServerFrame.Message.class);
            assertThat(relayed.from()).isEqualTo(senderNick);
            assertThat(relayed.text()).isEqualTo("plain text");
        }
    }

    @Test
    void crlfAndLfBothEndAFrame() {
        try (RawClient client = RawClient.registered(server.port(), nextNick())) {
            client.sendBytes(utf8("{\"type\":\"ping\",\"id\":\"crlf\"}\r\n{\"type\":\"ping\",\"id\":\"lf\"}\n"));
            assertThat(client.receive()).isEqualTo(new ServerFrame.Pong("crlf"));
            assertThat(client.receive()).isEqualTo(new ServerFrame.Pong("lf"));
        }
    }

    @Test
    void emptyLinesAreIgnoredBeforeAndAfterHello() {
        try (RawClient client = RawClient.connect(server.port())) {
            client.sendBytes(utf8("\n\r\n\n"));
            client.hello(nextNick());
            client.sendBytes(utf8("\n\n\r\n\r\n{\"type\":\"ping\",\"id\":\"after-blank\"}\n"));
            assertThat(client.receive()).isEqualTo(new ServerFrame.Pong("after-blank"));
        }
    }

    @Test
    void tabsNewlinesAndAstralCharactersArriveIntact() {
        String text = "line one\n\tline two 😀 小明";
        String senderNick = nextNick();
        try (RawClient witness = RawClient.registered(server.port(), nextNick());
             RawClient sender = RawClient.registered(server.port(), senderNick)) {
            witness.awaitPresence(senderNick, PresenceEvent.JOIN);
            sender.send(new ClientFrame.Say(null, "lobby", text));
            assertThat(sender.receive(ServerFrame.Message.class).text()).isEqualTo(text);
            assertThat(witness.receive(ServerFrame.Message.class).text()).isEqualTo(text);
        }
    }

    private static String nextNick() {
        return "e" + NICKS.incrementAndGet();
    }
}
