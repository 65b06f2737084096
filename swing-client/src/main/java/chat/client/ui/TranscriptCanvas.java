package chat.client.ui;

import chat.client.model.Conversation;
import chat.client.model.TranscriptEntry;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * The lines of one conversation, painted one by one: only the rows in sight are laid out, and
 * only rows that have been in sight are measured exactly; the others count with an estimate, so
 * a conversation of any length shows at once. Links open on a click; text selects with the mouse
 * and copies with Ctrl+C.
 */
final class TranscriptCanvas extends JComponent implements Scrollable {

    /** Rows laid out at a time; more than a tall window shows, few enough to forget at once. */
    private static final int LAID_ROWS_KEPT = 400;

    /** What the canvas knows of one entry: its group start (for the entry above it) and its measured text height. */
    private static final class RowInfo {
        TranscriptEntry above;
        boolean knowsGroup;
        boolean startsGroup;
        int generation = -1;
        int textHeight;
        boolean exact;
    }

    /** A place in the text: an entry and an offset in its shown text. */
    private record Position(TranscriptEntry entry, int offset) {}

    private TranscriptStyle style;
    private Conversation shown;
    private List<TranscriptEntry> entries = List.of();
    private final Map<TranscriptEntry, RowInfo> infos = new IdentityHashMap<>();
    private final Map<TranscriptEntry, LaidRow> laid = new IdentityHashMap<>();
    private RowShape[] shapes = new RowShape[0];
    private int[] tops = {TranscriptStyle.MARGIN_Y};
    /** Bumped whenever measured heights stop being true: another width or font. */
    private int generation;
    private int layoutWidth;
    private Consumer<String> linkOpener;
    private Position selectionAnchor;
    private Position selectionFocus;

    TranscriptCanvas(TranscriptStyle style, Consumer<String> linkOpener) {
        this.style = style;
        this.linkOpener = linkOpener;
        setName("transcript");
        setOpaque(true);
        setFocusable(true);
        setAutoscrolls(true);
        MouseAdapter mouse = new MouseAdapter() {
            private Optional<String> pressedLink = Optional.empty();
            private boolean dragged;

            @Override
            public void mousePressed(MouseEvent event) {
                requestFocusInWindow();
                pressedLink = linkAt(event.getPoint());
                dragged = false;
                if (event.getButton() == MouseEvent.BUTTON1) {
                    selectionAnchor = positionAt(event.getPoint());
                    selectionFocus = selectionAnchor;
                    repaint();
                }
            }

            @Override
            public void mouseDragged(MouseEvent event) {
                dragged = true;
                selectionFocus = positionAt(event.getPoint());
                scrollRectToVisible(new Rectangle(event.getX(), event.getY(), 1, 1));
                repaint();
            }

            @Override
            public void mouseReleased(MouseEvent event) {
                if (!dragged && event.getButton() == MouseEvent.BUTTON1 && pressedLink.isPresent()
                        && pressedLink.equals(linkAt(event.getPoint()))) {
                    TranscriptCanvas.this.linkOpener.accept(pressedLink.get());
                }
            }

            @Override
            public void mouseMoved(MouseEvent event) {
                setCursor(Cursor.getPredefinedCursor(linkAt(event.getPoint()).isPresent() ? Cursor.HAND_CURSOR : Cursor.TEXT_CURSOR));
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_C, InputEvent.CTRL_DOWN_MASK), "copy", this::copySelection);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_A, InputEvent.CTRL_DOWN_MASK), "select-all", this::selectAll);
    }

    void linkOpener(Consumer<String> opener) {
        this.linkOpener = opener;
    }

    /** Shows another conversation; what was measured for the last one is forgotten. */
    void show(Conversation conversation) {
        shown = conversation;
        infos.clear();
        laid.clear();
        selectionAnchor = null;
        selectionFocus = null;
    }

    Conversation shown() {
        return shown;
    }

    /** Takes another style (theme or font); heights stay when the font does. */
    void style(TranscriptStyle newStyle) {
        if (!newStyle.font().equals(style.font())) {
            generation++;
        }
        style = newStyle;
        laid.clear();
        repaint();
    }

    /**
     * Brings rows and their positions up to date with the conversation, at the width the canvas
     * has (or {@code width} before it has one). Costs a few steps per row, no layout.
     */
    void sync(int width) {
        if (width != layoutWidth) {
            layoutWidth = width;
            generation++;
            laid.clear();
        }
        entries = shown == null ? List.of() : shown.transcript();
        int count = entries.size();
        if (infos.size() > 2 * count + LAID_ROWS_KEPT) {
            forgetDropped();
        }
        TranscriptEntry marker = shown == null ? null : shown.newSince();
        boolean[] starts = new boolean[count];
        for (int i = 0; i < count; i++) {
            TranscriptEntry entry = entries.get(i);
            TranscriptEntry above = i == 0 ? null : entries.get(i - 1);
            RowInfo info = infos.computeIfAbsent(entry, e -> new RowInfo());
            if (!info.knowsGroup || info.above != above) {
                info.above = above;
                info.startsGroup = RowShape.startsGroup(above, entry);
                info.knowsGroup = true;
            }
            starts[i] = info.startsGroup || entry == marker;
        }
        shapes = new RowShape[count];
        tops = new int[count + 1];
        int y = TranscriptStyle.MARGIN_Y;
        for (int i = 0; i < count; i++) {
            TranscriptEntry entry = entries.get(i);
            shapes[i] = new RowShape(starts[i], i == count - 1 || starts[i + 1], entry == marker);
            tops[i] = y;
            y += style.frameHeight(entry, shapes[i]) + textHeight(entry);
        }
        tops[count] = y;
    }

    /**
     * Measures exactly the rows that reach into {@code from..to} (canvas coordinates) and were
     * only estimated. Returns true when a height changed, so positions need another {@link #sync}.
     */
    boolean measure(int from, int to) {
        boolean changed = false;
        for (int i = rowAt(from); i < entries.size() && tops[i] < to; i++) {
            RowInfo info = infos.get(entries.get(i));
            if (!info.exact || info.generation != generation) {
                int exact = style.textHeight(entries.get(i), layoutWidth);
                changed |= exact != info.textHeight || info.generation != generation;
                info.textHeight = exact;
                info.exact = true;
                info.generation = generation;
            }
        }
        return changed;
    }

    /** The height of all rows with the margins. */
    int contentHeight() {
        return tops[entries.size()] + TranscriptStyle.MARGIN_Y;
    }

    int rowCount() {
        return entries.size();
    }

    int top(int row) {
        return tops[row];
    }

    TranscriptEntry entry(int row) {
        return entries.get(row);
    }

    /** The row at {@code y}, or the nearest one. */
    int rowAt(int y) {
        int low = 0;
        int high = entries.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (tops[middle] <= y) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return Math.max(0, low);
    }

    /** Where {@code entry} is, compared by identity, or -1 when it is no longer shown. */
    int indexOf(TranscriptEntry entry) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) == entry) {
                return i;
            }
        }
        return -1;
    }

    /** The last line of the newest row whose text holds {@code text}, in canvas coordinates. */
    Optional<Rectangle> lastLineOf(String text) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).text().contains(text)) {
                LaidRow row = laidRow(i);
                LaidRow.Line line = row.lines().get(row.lines().size() - 1);
                int width = line.layout() == null ? 0 : (int) line.layout().getAdvance();
                return Optional.of(new Rectangle((int) line.x(), tops[i] + line.top(), width, line.height()));
            }
        }
        return Optional.empty();
    }

    /** Every row as plain text, the way tests and screen readers read it. */
    String plainText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            for (String line : style.plainLines(entries.get(i), shapes[i])) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        Object hints = Toolkit.getDefaultToolkit().getDesktopProperty("awt.font.desktophints");
        if (hints instanceof Map<?, ?> map) {
            g.addRenderingHints(map);
        } else {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        }
        Rectangle clip = g.getClipBounds();
        g.setColor(style.theme().palette().background());
        g.fillRect(clip.x, clip.y, clip.width, clip.height);
        int[] selection = selectedRows();
        for (int i = rowAt(clip.y); i < entries.size() && tops[i] < clip.y + clip.height; i++) {
            LaidRow row = laidRow(i);
            int from = 0;
            int to = 0;
            if (selection != null && i >= selection[0] && i <= selection[2]) {
                from = i == selection[0] ? selection[1] : 0;
                to = i == selection[2] ? selection[3] : row.text().length();
            }
            Graphics2D rowGraphics = (Graphics2D) g.create(0, tops[i], getWidth(), tops[i + 1] - tops[i]);
            style.paint(rowGraphics, row, 0, from, to);
            rowGraphics.dispose();
        }
        g.dispose();
    }

    private int textHeight(TranscriptEntry entry) {
        RowInfo info = infos.get(entry);
        if (info.generation != generation) {
            info.textHeight = style.estimatedTextHeight(entry, layoutWidth);
            info.exact = false;
            info.generation = generation;
        }
        return info.textHeight;
    }

    private LaidRow laidRow(int index) {
        TranscriptEntry entry = entries.get(index);
        LaidRow row = laid.get(entry);
        if (row == null || !row.shape().equals(shapes[index]) || row.width() != layoutWidth) {
            if (laid.size() >= LAID_ROWS_KEPT) {
                laid.clear();
            }
            row = style.lay(entry, shapes[index], layoutWidth);
            laid.put(entry, row);
        }
        return row;
    }

    private void forgetDropped() {
        Map<TranscriptEntry, RowInfo> kept = new IdentityHashMap<>();
        for (TranscriptEntry entry : entries) {
            RowInfo info = infos.get(entry);
            if (info != null) {
                kept.put(entry, info);
            }
        }
        infos.clear();
        infos.putAll(kept);
        laid.keySet().retainAll(kept.keySet());
    }

    private Optional<String> linkAt(Point point) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        int row = rowAt(point.y);
        return laidRow(row).linkAt(point.x, point.y - tops[row]);
    }

    private Position positionAt(Point point) {
        if (entries.isEmpty()) {
            return null;
        }
        int row = rowAt(point.y);
        if (point.y >= tops[entries.size()]) {
            return new Position(entries.get(row), laidRow(row).text().length());
        }
        return new Position(entries.get(row), laidRow(row).offsetAt(point.x, point.y - tops[row]));
    }

    /** The selection as {first row, offset, last row, offset}, in order; null when nothing is selected. */
    private int[] selectedRows() {
        if (selectionAnchor == null || selectionFocus == null) {
            return null;
        }
        int anchorRow = indexOf(selectionAnchor.entry());
        int focusRow = indexOf(selectionFocus.entry());
        if (anchorRow < 0 || focusRow < 0) {
            return null;
        }
        boolean forward = anchorRow < focusRow || (anchorRow == focusRow && selectionAnchor.offset() <= selectionFocus.offset());
        Position first = forward ? selectionAnchor : selectionFocus;
        Position last = forward ? selectionFocus : selectionAnchor;
        int[] rows = {forward ? anchorRow : focusRow, first.offset(), forward ? focusRow : anchorRow, last.offset()};
        return rows[0] == rows[2] && rows[1] == rows[3] ? null : rows;
    }

    /** The selected text, lines of different rows on lines of their own. */
    String selectedText() {
        int[] selection = selectedRows();
        if (selection == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = selection[0]; i <= selection[2]; i++) {
            String text = style.shownText(entries.get(i));
            int from = i == selection[0] ? Math.min(selection[1], text.length()) : 0;
            int to = i == selection[2] ? Math.min(selection[3], text.length()) : text.length();
            parts.add(text.substring(from, Math.max(from, to)));
        }
        return String.join("\n", parts);
    }

    private void copySelection() {
        String text = selectedText();
        if (!text.isEmpty()) {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
        }
    }

    private void selectAll() {
        if (!entries.isEmpty()) {
            TranscriptEntry last = entries.get(entries.size() - 1);
            selectionAnchor = new Position(entries.get(0), 0);
            selectionFocus = new Position(last, style.shownText(last).length());
            repaint();
        }
    }

    private void bind(KeyStroke key, String name, Runnable action) {
        getInputMap().put(key, name);
        getActionMap().put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent event) {
                action.run();
            }
        });
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(TranscriptStyle.MARGIN_X * 4, contentHeight());
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return getFontMetrics(style.font()).getHeight();
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        int line = getFontMetrics(style.font()).getHeight();
        return orientation == SwingConstants.VERTICAL ? Math.max(line, visible.height - line) : visible.width;
    }

    /** Lines wrap at the window's width: there is never a horizontal scrollbar. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getParent().getHeight() > contentHeight();
    }
}
