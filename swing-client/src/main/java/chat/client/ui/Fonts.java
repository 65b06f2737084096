package chat.client.ui;

import com.formdev.flatlaf.FlatLaf;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;

/**
 * Picks a font family that has Chinese and Japanese glyphs as well as Latin ones, so that mixed
 * text is drawn by one font; FlatLaf wraps it in a composite font that falls back for the rest.
 */
public final class Fonts {

    /** Families that cover Latin, CJK and kana, best first. */
    private static final List<String> CJK_FAMILIES = List.of(
            "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans SC", "Source Han Sans SC",
            "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans", "WenQuanYi Micro Hei");

    private Fonts() {}

    /** Makes FlatLaf use a CJK-capable family for every component; call before installing the look. */
    public static void preferCjk() {
        cjkFamily().ifPresent(FlatLaf::setPreferredFontFamily);
    }

    public static java.util.Optional<String> cjkFamily() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        return CJK_FAMILIES.stream().filter(installed::contains).findFirst();
    }
}
