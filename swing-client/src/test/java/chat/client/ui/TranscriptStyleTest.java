package chat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chat.client.model.CommandParser;
import chat.client.model.TranscriptEntry;
import chat.client.testing.Frames;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;

/** How one transcript line is laid out; no window needed. */
class TranscriptStyleTest {

    private static final int WIDTH = 400;
    private static final RowShape ALONE = new RowShape(true, true, false);

    private final TranscriptStyle style = new TranscriptStyle(Theme.LIGHT, ZoneOffset.UTC, new Font(Font.DIALOG, Font.PLAIN, 14), new JPanel());

    private static TranscriptEntry said(String text) {
        return TranscriptEntry.message(Frames.T0, "bob", text, 1, false, false);
    }

    @Test
    void aLongUnbrokenWordBreaksAtTheEdgeAndTheLinesStayInside() {
        LaidRow row = style.lay(said("x".repeat(300)), ALONE, WIDTH);

        assertThat(row.lines()).hasSizeGreaterThan(1);
        assertThat(row.lines()).allSatisfy(line -> assertThat(line.x() + line.layout().getAdvance()).isLessThanOrEqualTo(WIDTH));
        assertThat(row.lines().stream().mapToInt(LaidRow.Line::length).sum()).isEqualTo(300);
        assertThat(row.height()).isEqualTo(style.frameHeight(row.entry(), ALONE) + style.textHeight(row.entry(), WIDTH));
    }

    @Test
    void aLinkBrokenOverLinesIsALinkOnEachOfThem() {
        String url = "https://example.org/" + "a".repeat(280);
        LaidRow row = style.lay(said("see " + url + " now"), ALONE, WIDTH);

        assertThat(row.lines()).hasSizeGreaterThan(2);
        for (LaidRow.Line line : row.lines().subList(1, row.lines().size() - 1)) {
            assertThat(row.linkAt(line.x() + 5, line.top() + 2)).hasValue(url);
        }
    }

    @Test
    void theCommandListIsATableWhoseSecondColumnStartsAtOnePlace() {
        String help = "Commands:\n" + String.join("\n", CommandParser.USAGE);
        LaidRow row = style.lay(TranscriptEntry.notice(Frames.T0, help), ALONE, WIDTH);

        List<LaidRow.Line> descriptions = row.lines().stream()
                .filter(line -> line.start() > 0 && row.text().charAt(line.start() - 1) == '\t').toList();
        assertThat(descriptions).hasSize(CommandParser.USAGE.size());
        Set<Float> columns = descriptions.stream().map(LaidRow.Line::x).collect(Collectors.toSet());
        assertThat(columns).hasSize(1);
    }

    @Test
    void markupInAMessageIsShownAsTyped() {
        LaidRow row = style.lay(said("<b>bold</b> & <i>"), ALONE, WIDTH);

        assertThat(row.text()).isEqualTo("<b>bold</b> & <i>");
        assertThat(row.links()).isEmpty();
    }

    @Test
    void emojiAreDrawnInColourSkinTonesIncluded() {
        assumeTrue(Files.exists(Path.of(ColorEmojiFont.DEFAULT_FILE)), "needs fonts-noto-color-emoji");
        // A line further down a group: no header, whose coloured nick would count.
        LaidRow row = style.lay(said("thumbs \uD83D\uDC4D\uD83C\uDFFD up \uD83C\uDF59"), new RowShape(false, true, false), WIDTH);
        BufferedImage image = new BufferedImage(WIDTH, row.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, row.height());
        style.paint(g, row, 0, 0, 0);
        g.dispose();

        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color pixel = new Color(image.getRGB(x, y));
                float[] hsb = Color.RGBtoHSB(pixel.getRed(), pixel.getGreen(), pixel.getBlue(), null);
                if (hsb[1] > 0.4f && hsb[2] > 0.3f) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("coloured pixels").isGreaterThan(100);
        assertThat(row.lines()).hasSize(1);
    }
}
