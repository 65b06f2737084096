package chat.client.ui;

import chat.protocol.Names;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Gives every nick its own colour, the same on every run and for every spelling of the same nick.
 * The palettes are picked to stay readable on the light and on the dark background.
 */
public final class NickColors {

    private static final int[] LIGHT = {
        0xC62828, 0xAD1457, 0x6A1B9A, 0x4527A0, 0x283593, 0x1565C0, 0x00695C, 0x2E7D32, 0x558B2F, 0xEF6C00, 0xD84315, 0x4E342E,
    };
    private static final int[] DARK = {
        0xEF9A9A, 0xF48FB1, 0xCE93D8, 0xB39DDB, 0x9FA8DA, 0x90CAF9, 0x80CBC4, 0xA5D6A7, 0xC5E1A5, 0xFFCC80, 0xFFAB91, 0xBCAAA4,
    };

    private NickColors() {}

    public static Color of(String nick, Theme theme) {
        int[] palette = theme.dark() ? DARK : LIGHT;
        CRC32 crc = new CRC32();
        crc.update(Names.key(nick).getBytes(StandardCharsets.UTF_8));
        return new Color(palette[(int) (crc.getValue() % palette.length)]);
    }

    /** The colour as CSS, for the HTML transcript. */
    public static String css(Color color) {
        return String.format("#%06x", color.getRGB() & 0xFFFFFF);
    }
}
