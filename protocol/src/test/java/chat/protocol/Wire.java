package chat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Frames as a reader of the wire sees them. */
final class Wire {

    private Wire() {}

    /** JSON written with ' for ", so that a frame in a test reads like the line on the wire. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** The bytes a client sends for {@code singleQuoted}, newline already cut off. */
    static byte[] line(String singleQuoted) {
        return json(singleQuoted).getBytes(UTF_8);
    }

    /** An encoded frame as text, with its terminating newline. */
    static String text(byte[] encoded) {
        return new String(encoded, UTF_8);
    }

    /** An encoded frame without its terminating newline, as a line splitter hands it on. */
    static byte[] withoutNewline(byte[] encoded) {
        return java.util.Arrays.copyOf(encoded, encoded.length - 1);
    }

    /** Bytes given as hex pairs, for byte sequences no Java string can hold. */
    static byte[] bytes(String hex) {
        String[] pairs = hex.trim().split("\\s+");
        byte[] out = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        return out;
    }

    /** {@code prefix}, then the raw bytes, then {@code suffix}: a frame with bytes spliced in. */
    static byte[] splice(String prefix, byte[] raw, String suffix) {
        byte[] head = json(prefix).getBytes(UTF_8);
        byte[] tail = json(suffix).getBytes(UTF_8);
        byte[] out = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(raw, 0, out, head.length, raw.length);
        System.arraycopy(tail, 0, out, head.length + raw.length, tail.length);
        return out;
    }
}
