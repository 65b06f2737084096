package chat.client.ui;

import chat.client.model.TranscriptEntry;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GraphicAttribute;
import java.awt.font.ImageGraphicAttribute;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.ShapeGraphicAttribute;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.JComponent;

/**
 * How transcript lines look: fonts, colours and spacing, and the layout and painting of one line.
 * Long words break anywhere when they do not fit, like every chat client; a notice whose lines
 * hold a tab is shown as a table of two columns (the help). Times are shown in {@code zone}.
 */
final class TranscriptStyle {

    /** Space left and right of everything, and above the first and below the last line. */
    static final int MARGIN_X = 8;
    static final int MARGIN_Y = 6;
    private static final int PAD_X = 10;
    /** Space above a group of messages, then inside its tint above the header and below the last line. */
    private static final int GROUP_GAP = 3;
    private static final int GROUP_TOP = 5;
    private static final int GROUP_BOTTOM = 4;
    /** Space above and below the header and the text of a message. */
    private static final int LINE_PAD = 1;
    /** Space above and below presence lines, notices and errors. */
    private static final int ITEM_PAD = 3;
    /** Between the columns of a table, such as the command list. */
    private static final int COLUMN_GAP = 24;
    /** Narrower than this, text is laid out as if it had this much room, and is cut at the edge. */
    private static final int MIN_TEXT_WIDTH = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Two no-break spaces between a name or a presence line and its time, as the plain text shows them too. */
    static final String TIME_GAP = "\u00a0\u00a0";
    static final String MARKER_TEXT = "New messages";
    /** Stands in for the characters of an emoji after its first: no room, nothing drawn. */
    private static final GraphicAttribute NOTHING = new ShapeGraphicAttribute(new Rectangle(), GraphicAttribute.ROMAN_BASELINE, false);

    private final Theme theme;
    private final ZoneId zone;
    private final Font font;
    private final Font bold;
    private final Font small;
    private final Font italic;
    private final FontMetrics metrics;
    private final FontMetrics smallMetrics;
    private final FontMetrics italicMetrics;
    private final FontRenderContext frc;

    TranscriptStyle(Theme theme, ZoneId zone, Font font, JComponent on) {
        this.theme = theme;
        this.zone = zone;
        this.font = font;
        this.bold = font.deriveFont(Font.BOLD);
        this.small = font.deriveFont(Math.max(font.getSize2D() - 2, 8f));
        this.italic = small.deriveFont(Font.ITALIC);
        this.metrics = on.getFontMetrics(font);
        this.smallMetrics = on.getFontMetrics(small);
        this.italicMetrics = on.getFontMetrics(italic);
        this.frc = metrics.getFontRenderContext();
    }

    Theme theme() {
        return theme;
    }

    Font font() {
        return font;
    }

    /** Everything of a row's height but its text: the marker, the gap and tint padding of a group, its header. */
    int frameHeight(TranscriptEntry entry, RowShape shape) {
        int height = shape.marked() ? markerHeight() : 0;
        if (entry.kind() != TranscriptEntry.Kind.MESSAGE) {
            return height + 2 * ITEM_PAD;
        }
        if (shape.startsGroup()) {
            height += GROUP_GAP + GROUP_TOP + metrics.getHeight() + 2 * LINE_PAD;
        }
        return height + (shape.endsGroup() ? GROUP_BOTTOM : 0);
    }

    /** Where a row's text starts, below its marker, gap, tint padding and header. */
    private int textTop(TranscriptEntry entry, RowShape shape) {
        int top = shape.marked() ? markerHeight() : 0;
        if (entry.kind() != TranscriptEntry.Kind.MESSAGE) {
            return top + ITEM_PAD;
        }
        if (shape.startsGroup()) {
            top += GROUP_GAP + GROUP_TOP + metrics.getHeight() + 2 * LINE_PAD;
        }
        return top + LINE_PAD;
    }

    /** The height of a row's text at {@code width}, exactly as {@link #lay} will lay it out. */
    int textHeight(TranscriptEntry entry, int width) {
        String text = shownText(entry);
        FontMetrics fm = metricsFor(entry);
        int textWidth = textWidth(width);
        int lines = 0;
        int column = tableColumn(entry, text, fm);
        int start = 0;
        while (start <= text.length()) {
            int end = paragraphEnd(text, start);
            int tab = column > 0 ? text.indexOf('\t', start) : -1;
            if (tab >= 0 && tab < end) {
                lines += Math.max(1, countLines(text, tab + 1, end, fm, Math.max(MIN_TEXT_WIDTH, textWidth - column)));
            } else {
                lines += Math.max(1, countLines(text, start, end, fm, textWidth));
            }
            start = end + 1;
        }
        return lines * fm.getHeight() + textPadding(entry);
    }

    /** A guess at {@link #textHeight} that costs nearly nothing, for lines not laid out yet. */
    int estimatedTextHeight(TranscriptEntry entry, int width) {
        String text = entry.text();
        FontMetrics fm = metricsFor(entry);
        int paragraphs = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                paragraphs++;
            }
        }
        long wide = (long) text.length() * fm.charWidth('n');
        int lines = (int) Math.max(paragraphs, (wide + textWidth(width) - 1) / textWidth(width));
        return lines * fm.getHeight() + textPadding(entry);
    }

    /** Lays a row out at {@code width}, for painting and for finding what is under the mouse. */
    LaidRow lay(TranscriptEntry entry, RowShape shape, int width) {
        String text = shownText(entry);
        FontMetrics fm = metricsFor(entry);
        Font textFont = fontFor(entry);
        List<Links.Span> links = entry.kind() == TranscriptEntry.Kind.PRESENCE ? List.of() : Links.in(text);
        int x = MARGIN_X + PAD_X;
        int textWidth = textWidth(width);
        int column = tableColumn(entry, text, fm);
        int y = textTop(entry, shape);
        List<LaidRow.Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = paragraphEnd(text, start);
            int tab = column > 0 ? text.indexOf('\t', start) : -1;
            int used;
            if (tab >= 0 && tab < end) {
                wrap(text, start, tab, textFont, fm, links, x, Integer.MAX_VALUE, y, lines);
                used = wrap(text, tab + 1, end, textFont, fm, links, x + column, Math.max(MIN_TEXT_WIDTH, textWidth - column), y, lines);
            } else {
                used = wrap(text, start, end, textFont, fm, links, x, textWidth, y, lines);
            }
            y += Math.max(1, used) * fm.getHeight();
            start = end + 1;
        }
        int height = frameHeight(entry, shape) + textHeight(entry, width);
        return new LaidRow(entry, shape, width, height, text, List.copyOf(lines), links);
    }

    /** Paints a laid row with its top at {@code top}; {@code selectionStart..selectionEnd} of its text is selected. */
    void paint(Graphics2D g, LaidRow row, int top, int selectionStart, int selectionEnd) {
        Theme.Palette p = theme.palette();
        TranscriptEntry entry = row.entry();
        RowShape shape = row.shape();
        int y = top;
        if (shape.marked()) {
            paintMarker(g, row.width(), y);
            y += markerHeight();
        }
        if (entry.kind() == TranscriptEntry.Kind.MESSAGE) {
            Color tint = entry.own() ? p.ownBackground() : entry.mentionsMe() ? p.mentionBackground() : null;
            int tintTop = y + (shape.startsGroup() ? GROUP_GAP : 0);
            if (tint != null) {
                g.setColor(tint);
                g.fillRect(MARGIN_X, tintTop, row.width() - 2 * MARGIN_X, top + row.height() - tintTop);
            }
            if (shape.startsGroup()) {
                paintHeader(g, entry, tintTop + GROUP_TOP + LINE_PAD);
            }
        }
        Color color = switch (entry.kind()) {
            case MESSAGE -> p.text();
            case PRESENCE -> p.muted();
            case NOTICE -> p.notice();
            case ERROR -> p.error();
        };
        for (LaidRow.Line line : row.lines()) {
            int lineTop = top + line.top();
            int from = Math.max(selectionStart, line.start());
            int to = Math.min(selectionEnd, line.end());
            if (line.layout() != null && from < to) {
                Shape highlight = line.layout().getLogicalHighlightShape(from - line.start(), to - line.start());
                g.setColor(p.selection());
                g.translate(line.x(), lineTop + line.ascent());
                g.fill(highlight);
                g.translate(-line.x(), -(lineTop + line.ascent()));
            }
            if (line.layout() != null) {
                g.setColor(color);
                line.layout().draw(g, line.x(), lineTop + line.ascent());
            }
        }
    }

    /** The text of a row as plain text: what tests read and what a copy of the whole row gives. */
    List<String> plainLines(TranscriptEntry entry, RowShape shape) {
        List<String> lines = new ArrayList<>();
        if (shape.marked()) {
            lines.add(MARKER_TEXT);
        }
        if (entry.kind() == TranscriptEntry.Kind.MESSAGE && shape.startsGroup()) {
            lines.add(entry.nick() + TIME_GAP + time(entry));
        }
        lines.addAll(List.of(shownText(entry).split("\n", -1)));
        return lines;
    }

    private void paintHeader(Graphics2D g, TranscriptEntry entry, int top) {
        int x = MARGIN_X + PAD_X;
        int baseline = top + metrics.getAscent();
        g.setFont(bold);
        g.setColor(NickColors.of(entry.nick(), theme));
        g.drawString(entry.nick(), x, baseline);
        x += g.getFontMetrics(bold).stringWidth(entry.nick() + TIME_GAP);
        g.setFont(small);
        g.setColor(theme.palette().muted());
        g.drawString(time(entry), x, baseline);
    }

    private void paintMarker(Graphics2D g, int width, int top) {
        Theme.Palette p = theme.palette();
        int labelWidth = smallMetrics.stringWidth(MARKER_TEXT);
        int middle = top + markerHeight() / 2;
        int labelX = width - MARGIN_X - PAD_X - labelWidth;
        g.setColor(p.marker());
        g.fillRect(MARGIN_X, middle, Math.max(0, labelX - 8 - MARGIN_X), 1);
        g.setFont(small.deriveFont(Font.BOLD));
        g.drawString(MARKER_TEXT, labelX, middle - smallMetrics.getHeight() / 2 + smallMetrics.getAscent());
    }

    private int markerHeight() {
        return smallMetrics.getHeight() + 6;
    }

    /**
     * Lays out {@code text[start, end)} in lines of at most {@code width} and adds them.
     * A paragraph that fits is one line; one that does not breaks between words, and inside a
     * word that is wider than a line.
     *
     * @return how many lines it took
     */
    private int wrap(String text, int start, int end, Font textFont, FontMetrics fm, List<Links.Span> links, int x,
            int width, int top, List<LaidRow.Line> into) {
        if (start >= end) {
            into.add(new LaidRow.Line(null, x, top, fm.getHeight(), fm.getAscent(), start, 0));
            return 1;
        }
        Styled styled = styled(text, start, end, textFont, fm, links);
        if (!styled.pictures() && fits(text, start, end, fm, width)) {
            into.add(new LaidRow.Line(new TextLayout(styled.text().getIterator(), frc), x, top, fm.getHeight(), fm.getAscent(), start, end - start));
            return 1;
        }
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled.text().getIterator(), frc);
        int count = 0;
        while (measurer.getPosition() < end - start) {
            int from = measurer.getPosition();
            TextLayout layout = measurer.nextLayout(width);
            into.add(new LaidRow.Line(layout, x, top + count * fm.getHeight(), fm.getHeight(), fm.getAscent(),
                    start + from, measurer.getPosition() - from));
            count++;
        }
        return count;
    }

    private int countLines(String text, int start, int end, FontMetrics fm, int width) {
        if (start >= end) {
            return 1;
        }
        Styled styled = styled(text, start, end, fm.getFont(), fm, List.of());
        if (!styled.pictures() && fits(text, start, end, fm, width)) {
            return 1;
        }
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled.text().getIterator(), frc);
        int count = 0;
        while (measurer.getPosition() < end - start) {
            measurer.setPosition(measurer.nextOffset(width));
            count++;
        }
        return count;
    }

    private static boolean fits(String text, int start, int end, FontMetrics fm, int width) {
        // Each character is at least one pixel wide, so a long paragraph is not measured to find it is too long.
        return end - start <= width && fm.stringWidth(text.substring(start, end)) <= width;
    }

    /** A paragraph with its font, links and emoji pictures; {@code pictures} when its width is not the font's alone. */
    private record Styled(AttributedString text, boolean pictures) {}

    private Styled styled(String text, int start, int end, Font textFont, FontMetrics fm, List<Links.Span> links) {
        AttributedString styled = new AttributedString(text.substring(start, end));
        styled.addAttribute(TextAttribute.FONT, textFont);
        for (Links.Span link : links) {
            int from = Math.max(link.start(), start);
            int to = Math.min(link.end(), end);
            if (from < to) {
                styled.addAttribute(TextAttribute.FOREGROUND, theme.palette().link(), from - start, to - start);
                styled.addAttribute(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON, from - start, to - start);
            }
        }
        boolean pictures = false;
        if (EmojiPictures.FONT.isPresent()) {
            int height = fm.getAscent() + fm.getDescent();
            for (Emoji.Span emoji : Emoji.in(text, start, end)) {
                Optional<BufferedImage> picture = EmojiPictures.FONT.get().picture(text.substring(emoji.start(), emoji.end()), height);
                if (picture.isPresent()) {
                    // The first character shows the picture; the rest of the sequence takes no room.
                    int first = emoji.start() - start;
                    styled.addAttribute(TextAttribute.CHAR_REPLACEMENT,
                            new ImageGraphicAttribute(picture.get(), GraphicAttribute.ROMAN_BASELINE, 0, fm.getAscent()), first, first + 1);
                    if (emoji.end() - emoji.start() > 1) {
                        styled.addAttribute(TextAttribute.CHAR_REPLACEMENT, NOTHING, first + 1, emoji.end() - start);
                    }
                    pictures = true;
                }
            }
        }
        return new Styled(styled, pictures);
    }

    /** The colour emoji font, looked for once: Java 17 cannot draw its glyphs, so the pictures stand in for them. */
    private static final class EmojiPictures {
        static final Optional<ColorEmojiFont> FONT = ColorEmojiFont.installed();
    }

    /** Where the second column of a table starts, or 0 when the row is no table. */
    private static int tableColumn(TranscriptEntry entry, String text, FontMetrics fm) {
        if (entry.kind() != TranscriptEntry.Kind.NOTICE || text.indexOf('\t') < 0) {
            return 0;
        }
        int widest = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = paragraphEnd(text, start);
            int tab = text.indexOf('\t', start);
            if (tab >= 0 && tab < end) {
                widest = Math.max(widest, fm.stringWidth(text.substring(start, tab)));
            }
            start = end + 1;
        }
        return widest + COLUMN_GAP;
    }

    private static int paragraphEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }

    /** The text as the row shows it: presence lines carry their time; a tab outside a table is a space. */
    String shownText(TranscriptEntry entry) {
        return switch (entry.kind()) {
            case PRESENCE -> entry.text().replace('\t', ' ') + TIME_GAP + time(entry);
            case NOTICE -> entry.text();
            case MESSAGE, ERROR -> entry.text().replace('\t', ' ');
        };
    }

    private int textPadding(TranscriptEntry entry) {
        return entry.kind() == TranscriptEntry.Kind.MESSAGE ? 2 * LINE_PAD : 0;
    }

    private static int textWidth(int width) {
        return Math.max(MIN_TEXT_WIDTH, width - 2 * MARGIN_X - 2 * PAD_X);
    }

    private Font fontFor(TranscriptEntry entry) {
        return entry.kind() == TranscriptEntry.Kind.PRESENCE ? italic : font;
    }

    private FontMetrics metricsFor(TranscriptEntry entry) {
        return entry.kind() == TranscriptEntry.Kind.PRESENCE ? italicMetrics : metrics;
    }

    private String time(TranscriptEntry entry) {
        return TIME.format(entry.time().atZone(zone));
    }
}
