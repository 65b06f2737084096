package chat.client.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.util.Locale;
import javax.swing.UIManager;

/** Light or dark: the FlatLaf look and the colours of the transcript that go with it. */
public enum Theme {
    LIGHT(new Palette(new Color(0xEEF4FF), new Color(0xFFF4CC), new Color(0x8A8F98), new Color(0xC62828), new Color(0x1565C0),
            new Color(0x5B6470))),
    DARK(new Palette(new Color(0x263042), new Color(0x4A3F1C), new Color(0x8C929C), new Color(0xFF8A80), new Color(0x82B1FF),
            new Color(0xA9B0BA)));

    /** Transcript colours: tints behind own lines and mentions, muted presence lines, errors, links, notices. */
    public record Palette(Color ownBackground, Color mentionBackground, Color muted, Color error, Color link, Color notice) {}

    private final Palette palette;

    Theme(Palette palette) {
        this.palette = palette;
    }

    public Palette palette() {
        return palette;
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
