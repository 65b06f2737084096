package chat.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * Reads the two numbers the load generator needs straight from a {@code message} line: the
 * intended send time at the start of the text, and {@code seq}. Decoding every delivery with a JSON
 * parser would cost the load generator more CPU than the server spends sending it; the codec's field
 * order (type first, text before seq) is fixed, and every other frame still goes through the codec.
 */
final class MessageLine {

    static final long NOT_OURS = -1;

    private static final byte[] MESSAGE = bytes("{\"type\":\"message\",");
    private static final byte[] PRESENCE = bytes("{\"type\":\"presence\",");
    private static final byte[] TEXT = bytes("\"text\":\"");
    private static final byte[] SEQ = bytes("\"seq\":");
    /** Only the sender's own copy of a line, its echo, answers a request: it alone carries {@code re}. */
    private static final byte[] RE = bytes("\"re\":\"");

    private MessageLine() {}

    static boolean isMessage(byte[] line, int from, int to) {
        return startsWith(line, from, to, MESSAGE);
    }

    static boolean isPresence(byte[] line, int from, int to) {
        return startsWith(line, from, to, PRESENCE);
    }

    /** Where the text's value starts, or -1. */
    static int textStart(byte[] line, int from, int to) {
        int at = indexOf(line, from, to, TEXT);
        return at < 0 ? -1 : at + TEXT.length;
    }

    /** The intended send time the load generator wrote at the start of the text, or {@link #NOT_OURS}. */
    static long sendTime(byte[] line, int textStart, int to) {
        return textStart < 0 ? NOT_OURS : digits(line, textStart, to);
    }

    /** {@code seq}, which the codec writes after the text: the search starts at {@code after}. */
    static long seq(byte[] line, int after, int to) {
        int at = indexOf(line, after, to, SEQ);
        return at < 0 ? NOT_OURS : digits(line, at + SEQ.length, to);
    }

    /**
     * Whether the message is the echo of its sender's {@code say}; the codec writes {@code re} last,
     * so the search starts at {@code after}, past the text (where JSON escaping keeps it out anyway).
     */
    static boolean isEcho(byte[] line, int after, int to) {
        return indexOf(line, after, to, RE) >= 0;
    }

    private static long digits(byte[] line, int from, int to) {
        long value = 0;
        int index = from;
        while (index < to && line[index] >= '0' && line[index] <= '9') {
            value = value * 10 + (line[index] - '0');
            index++;
        }
        return index == from ? NOT_OURS : value;
    }

    private static boolean startsWith(byte[] line, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int index = 0; index < prefix.length; index++) {
            if (line[from + index] != prefix[index]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] line, int from, int to, byte[] needle) {
        outer:
        for (int start = from; start <= to - needle.length; start++) {
            for (int index = 0; index < needle.length; index++) {
                if (line[start + index] != needle[index]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
