package chat.actors.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated conversations for a session: well-formed requests of every type with wrong, odd or
 * missing fields, JSON-ish garbage and raw bytes, sometimes after a valid hello so the
 * registered half of the state machine gets its share.
 */
final class Conversations {

    static final int MAX_LINES = 25;
    private static final JsonMapper JSON = new JsonMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("hello", "ping", "pong", "bye", "join", "leave", "say",
            "whisper", "nick", "topic", "rooms", "who", "history", "fly", "");
    private static final List<String> FIELDS = List.of("id", "nick", "room", "text", "to", "topic", "since",
            "before", "limit", "protocol", "client");
    private static final int MAX_FIELDS = 4;
    /** Names and texts at the rules' edges; the fuzzed client may pick any of them. */
    private static final List<String> WORDS = List.of("alice", "ALICE", "\u0430lice", "fuzzer", "bystander",
            "lobby", "LOBBY", "room1", "x", "", "1bad", "a b", "小明", "\u202Eevil", "a".repeat(40), "\u0000",
            "line\nbreak", "\ud83d\ude00");
    private static final String HELLO = "{\"type\":\"hello\",\"nick\":\"fuzzer\"}";

    private Conversations() {}

    static List<byte[]> next(Random random) {
        List<byte[]> lines = new ArrayList<>();
        if (random.nextBoolean()) {
            lines.add(HELLO.getBytes(StandardCharsets.UTF_8));
        }
        int count = 1 + random.nextInt(MAX_LINES);
        for (int i = 0; i < count; i++) {
            lines.add(withoutNewlines(line(random)));
        }
        return lines;
    }

    private static byte[] line(Random random) {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return text(random, 1 + random.nextInt(40)).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            byte[] bytes = new byte[1 + random.nextInt(40)];
            random.nextBytes(bytes);
            return bytes;
        }
        return request(random);
    }

    private static byte[] request(Random random) {
        ObjectNode request = NODES.objectNode();
        request.put("type", TYPES.get(random.nextInt(TYPES.size())));
        int fields = random.nextInt(MAX_FIELDS + 1);
        for (int i = 0; i < fields; i++) {
            request.set(FIELDS.get(random.nextInt(FIELDS.size())), value(random));
        }
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> NODES.textNode(WORDS.get(random.nextInt(WORDS.size())));
            case 2 -> NODES.textNode(text(random, random.nextInt(30)));
            case 3 -> NODES.numberNode(random.nextInt(1005) - 3);
            case 4 -> NODES.numberNode(random.nextLong());
            case 5 -> NODES.nullNode();
            default -> random.nextBoolean() ? NODES.arrayNode() : NODES.objectNode();
        };
    }

    /** Any UTF-16 units, lone surrogates and controls included. */
    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    /** The line splitter never hands the session a newline: it ends the frame. */
    private static byte[] withoutNewlines(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n') {
                line[i] = ' ';
            }
        }
        return line;
    }
}
