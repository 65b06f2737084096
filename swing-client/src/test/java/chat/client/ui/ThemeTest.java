package chat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every colour of the client is in its theme, and readable where it is drawn, in both themes. */
class ThemeTest {

    /** WCAG's minimum for normal text. */
    private static final double READABLE = 4.5;

    @Test
    void textIsReadableOnEachBackgroundItIsDrawnOn() {
        for (Theme theme : Theme.values()) {
            Theme.Palette p = theme.palette();
            List<Color> transcriptBackgrounds = List.of(p.background(), p.ownBackground(), p.mentionBackground());
            List<Color> transcriptText = Stream.concat(Stream.of(p.text(), p.muted(), p.notice(), p.error(), p.link(), p.marker()),
                    IntStream.range(0, theme.nickColorCount()).mapToObj(theme::nickColor)).toList();
            for (Color background : transcriptBackgrounds) {
                for (Color text : transcriptText) {
                    assertThat(contrast(text, background)).as("%s: %s on %s", theme, text, background).isGreaterThanOrEqualTo(READABLE);
                }
            }
            assertThat(contrast(p.bannerText(), p.bannerBackground())).as("%s banner", theme).isGreaterThanOrEqualTo(READABLE);
            assertThat(contrast(p.badgeText(), p.badge())).as("%s badge", theme).isGreaterThanOrEqualTo(READABLE);
            assertThat(contrast(p.badgeText(), p.badgeMention())).as("%s mention badge", theme).isGreaterThanOrEqualTo(READABLE);
        }
    }

    @Test
    void noColourIsWrittenOutsideTheTheme() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> offenders = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.getFileName().toString().equals("Theme.java"))
                    .filter(ThemeTest::writesAColour)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static boolean writesAColour(Path source) {
        try {
            String code = Files.readString(source);
            return code.contains("new Color(") || code.matches("(?s).*Color\\.(WHITE|BLACK|RED|GREEN|BLUE|GRAY|ORANGE|YELLOW)\\b.*");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The WCAG contrast ratio of two colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
