package chat.client.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.util.Locale;
import javax.swing.UIManager;

/**
 * Light or dark: the FlatLaf look and every colour of the client's own that goes with it. No
 * colour is written anywhere else, so a theme is seen whole here and checked whole by its tests.
 */
public enum Theme {
    LIGHT(new Palette(
            new Color(0xFFFFFF), new Color(0x1F2328), new Color(0xEEF4FF), new Color(0xFFF4CC),
            new Color(0x656B74), new Color(0x4E5661), new Color(0xC62828), new Color(0x1565C0),
            new Color(0xB93A0A), new Color(0xB4D5FE),
            new Color(0xFFB020), new Color(0x2B2100),
            new Color(0x3B6FC4), new Color(0xC93434), new Color(0xFFFFFF),
            new Color(0x2EAD5B), new Color(0xF0A020), new Color(0xD64545)),
            // 24 hues, 15 degrees apart in OKLCH, alternating two lightnesses; each at least 4.5:1
            // against the transcript's background and both of its tints.
            new int[] {
                0xAC3031, 0xBE4A1B, 0x964D09, 0x9A620A, 0x7D5E07, 0x7E6F08, 0x626A09, 0x507B07,
                0x06791F, 0x0E7E53, 0x107460, 0x087C77, 0x02717A, 0x0B7993, 0x046B96, 0x0871C1,
                0x355BBD, 0x6463CD, 0x6C4AB3, 0x9154B9, 0x8E3B94, 0xAF4791, 0xA43068, 0xBE425F,
            }),
    DARK(new Palette(
            new Color(0x46494B), new Color(0xE6E6E6), new Color(0x263042), new Color(0x4A3F1C),
            new Color(0xB4BAC2), new Color(0xC8CDD4), new Color(0xFF9E97), new Color(0x9EC3FF),
            new Color(0xFFA26B), new Color(0x34588F),
            new Color(0x8A5A00), new Color(0xFFF1D6),
            new Color(0x3B6FC4), new Color(0xC93434), new Color(0xFFFFFF),
            new Color(0x4CC97A), new Color(0xF0B040), new Color(0xF06A6A)),
            new int[] {
                0xFDA19A, 0xFDC1AC, 0xF9A870, 0xFEC583, 0xE1B75C, 0xE3D372, 0xBBC769, 0xB7E18C,
                0x8BD28D, 0x85E9B6, 0x59D7B9, 0x60EAE2, 0x44D4E2, 0x80E1FE, 0x6CC9FD, 0xAFD5FE,
                0x9EBDFF, 0xC7CDFF, 0xC3B0FD, 0xE3C1FE, 0xE5A3E8, 0xFEB8E6, 0xFB9DC2, 0xFEBDC6,
            });

    /** The colour of the app's icon: the same in both themes, as the taskbar shows it. */
    static final Color ICON = new Color(0x3D7BE0);
    /** The dots on the icon. */
    static final Color ICON_DOTS = Color.WHITE;

    /**
     * The colours of one theme. The transcript: its background and text, tints behind own lines
     * and mentions, muted presence lines and times, notices, errors, links, the "new messages"
     * marker and selected text. The connection banner; the unread badge; the status bar's dot.
     */
    public record Palette(
            Color background, Color text, Color ownBackground, Color mentionBackground,
            Color muted, Color notice, Color error, Color link,
            Color marker, Color selection,
            Color bannerBackground, Color bannerText,
            Color badge, Color badgeMention, Color badgeText,
            Color online, Color connecting, Color offline) {}

    private final Palette palette;
    private final int[] nickColors;

    Theme(Palette palette, int[] nickColors) {
        this.palette = palette;
        this.nickColors = nickColors;
    }

    public Palette palette() {
        return palette;
    }

    /** How many colours nicks are given. */
    int nickColorCount() {
        return nickColors.length;
    }

    Color nickColor(int index) {
        return new Color(nickColors[index]);
    }

    public boolean dark() {
        return this == DARK;
    }

    /** Installs this look for every window, including ones already shown. */
    public void apply() {
        FlatLaf laf = dark() ? new FlatDarkLaf() : new FlatLightLaf();
        try {
            UIManager.setLookAndFeel(laf);
        } catch (javax.swing.UnsupportedLookAndFeelException e) {
            throw new IllegalStateException("FlatLaf refused to install", e);
        }
        FlatLaf.updateUI();
    }

    /** The theme named {@code light} or {@code dark}, any case. */
    public static Theme named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
