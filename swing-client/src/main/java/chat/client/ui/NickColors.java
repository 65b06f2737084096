package chat.client.ui;

import chat.protocol.Names;
import java.awt.Color;
import java.nio.charset.StandardCharsets;

/**
 * Gives every nick its own colour, the same on every run and for every spelling of the same nick.
 * The theme's palettes hold 24 hues that stay readable on its backgrounds; the nick's key is
 * hashed with FNV-1a and mixed to the last bit, so that nicks that differ in one letter, as
 * {@code bob1} and {@code bob2} do, land on unrelated hues.
 */
public final class NickColors {

    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private NickColors() {}

    public static Color of(String nick, Theme theme) {
        return theme.nickColor(index(nick, theme.nickColorCount()));
    }

    /** Which of {@code colors} the nick gets. */
    static int index(String nick, int colors) {
        int hash = FNV_OFFSET;
        for (byte b : Names.key(nick).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
        }
        return Integer.remainderUnsigned(mix(hash), colors);
    }

    /** MurmurHash3's finaliser: every input bit moves every output bit. */
    private static int mix(int hash) {
        hash ^= hash >>> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >>> 16;
        return hash;
    }

    /** The colour as CSS, for text that is written as HTML. */
    public static String css(Color color) {
        return String.format("#%06x", color.getRGB() & 0xFFFFFF);
    }
}
