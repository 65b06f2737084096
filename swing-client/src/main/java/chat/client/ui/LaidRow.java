package chat.client.ui;

import chat.client.model.TranscriptEntry;
import java.awt.font.TextHitInfo;
import java.awt.font.TextLayout;
import java.util.List;
import java.util.Optional;

/**
 * One transcript line laid out at one width: its text broken into lines that fit, where each
 * goes, and its height. What the canvas paints, and what a click is tested against.
 *
 * @param text the text as shown, whose offsets the lines, links and selections use
 */
record LaidRow(TranscriptEntry entry, RowShape shape, int width, int height, String text, List<Line> lines,
        List<Links.Span> links) {

    /**
     * One line of text: its layout (null for an empty line), where it starts in the row, and
     * where in {@link #text} its characters come from.
     */
    record Line(TextLayout layout, float x, int top, int height, int ascent, int start, int length) {
        int end() {
            return start + length;
        }

        boolean coversY(int y) {
            return y >= top && y < top + height;
        }
    }

    /** The offset in {@link #text} nearest to a point of this row: where a selection starts or ends. */
    int offsetAt(float x, int y) {
        if (lines.isEmpty() || y < lines.get(0).top()) {
            return 0;
        }
        for (Line line : lines) {
            if (line.coversY(y) || y < line.top()) {
                if (line.layout() == null) {
                    return line.start();
                }
                TextHitInfo hit = line.layout().hitTestChar(x - line.x(), 0);
                return line.start() + Math.min(line.length(), Math.max(0, hit.getInsertionIndex()));
            }
        }
        return text.length();
    }

    /** The address of the link under a point, if there is one. */
    Optional<String> linkAt(float x, int y) {
        if (links.isEmpty()) {
            return Optional.empty();
        }
        for (Line line : lines) {
            if (line.layout() != null && line.coversY(y) && x >= line.x() && x < line.x() + line.layout().getAdvance()) {
                int offset = line.start() + line.layout().hitTestChar(x - line.x(), 0).getCharIndex();
                return links.stream().filter(span -> span.contains(offset)).map(Links.Span::url).findFirst();
            }
        }
        return Optional.empty();
    }
}
