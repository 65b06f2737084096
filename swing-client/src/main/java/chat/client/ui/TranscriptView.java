package chat.client.ui;

import chat.client.model.Conversation;
import chat.client.model.TranscriptEntry;
import java.awt.Desktop;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * The transcript of the selected conversation. While the user is at the bottom (or has not
 * scrolled yet), the newest line stays in sight, also when the window or the banner above changes
 * its height; once they scroll up, the line they read stays where it is whatever arrives, and
 * scrolling to the top asks for older history.
 */
final class TranscriptView extends JScrollPane {

    private final TranscriptCanvas canvas;
    private final Consumer<Conversation> wantsOlder;
    private final BiConsumer<Conversation, Boolean> readingBack;
    private final ZoneId zone = ZoneId.systemDefault();
    /** True while the newest line should stay in sight: the user is at the bottom, or has not scrolled yet. */
    private boolean pinned = true;
    /** True while this view moves the viewport itself, so that the move is not taken for the user's. */
    private boolean adjusting;
    private int lastValue;
    /** The row at the top of the view and how far into it the view starts: what stays put when lines come and go. */
    private TranscriptEntry anchor;
    private int anchorOffset;

    /**
     * @param wantsOlder asked for the history before the oldest line shown
     * @param readingBack told when the user scrolls away from the newest line of a conversation and back
     */
    TranscriptView(Theme theme, Consumer<Conversation> wantsOlder, BiConsumer<Conversation, Boolean> readingBack) {
        this.wantsOlder = wantsOlder;
        this.readingBack = readingBack;
        canvas = new TranscriptCanvas(style(theme), TranscriptView::browse);
        setViewportView(canvas);
        setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        // Moving the view repaints what is in sight later, once, instead of copying pixels at every line of a flood.
        getViewport().setScrollMode(JViewport.SIMPLE_SCROLL_MODE);
        // An empty border of our own: a null one is replaced by the look's border on the next theme switch.
        setBorder(BorderFactory.createEmptyBorder());
        JScrollBar bar = getVerticalScrollBar();
        bar.setUnitIncrement(16);
        bar.addAdjustmentListener(event -> {
            if (adjusting || event.getValue() == lastValue) {
                return;
            }
            lastValue = event.getValue();
            userScrolled();
            if (!event.getValueIsAdjusting() && event.getValue() == 0 && bar.getMaximum() > bar.getVisibleAmount()) {
                askForOlder();
            }
        });
        // A short transcript has nothing to scroll, so turning the wheel up at the top asks as well.
        addMouseWheelListener(event -> {
            if (event.getWheelRotation() < 0 && bar.getValue() == 0) {
                askForOlder();
            }
        });
        getViewport().addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent event) {
                settle();
            }
        });
    }

    /** Shows the lines in {@code theme}'s colours; the heights stay, so this costs one repaint. */
    void theme(Theme theme) {
        canvas.style(style(theme));
        settle();
    }

    /** Shows {@code conversation} from its newest line. */
    void show(Conversation conversation) {
        Conversation previous = canvas.shown();
        if (previous != null && previous != conversation) {
            readingBack.accept(previous, false);
        }
        canvas.show(conversation);
        pinned = true;
        settle();
    }

    /** Lines of {@code conversation} came, went or moved. */
    void changed(Conversation conversation) {
        if (conversation == canvas.shown()) {
            settle();
        }
    }

    /** The text the user reads, without markup: what tests look at. */
    String plainText() {
        return canvas.plainText();
    }

    /** The last line of the newest row that shows {@code text}, in this view's coordinates: where a test clicks. */
    Optional<Rectangle> lastLineOf(String text) {
        return canvas.lastLineOf(text).map(line -> SwingUtilities.convertRectangle(canvas, line, this));
    }

    /** Where a clicked link goes; the desktop's browser unless a test says otherwise. */
    void openLinksWith(Consumer<String> opener) {
        canvas.linkOpener(opener);
    }

    /**
     * Brings the rows up to date and puts the view where it belongs: at the bottom while pinned,
     * else with the anchor row where it was. Rows in sight are measured exactly first.
     */
    private void settle() {
        if (adjusting) {
            return;
        }
        adjusting = true;
        try {
            JViewport viewport = getViewport();
            int extent = viewport.getExtentSize().height;
            canvas.sync(Math.max(viewport.getWidth(), 1));
            for (int round = 0; round < 4; round++) {
                int top = wantedTop(extent);
                if (!canvas.measure(top - extent, top + 2 * extent)) {
                    break;
                }
                canvas.sync(Math.max(viewport.getWidth(), 1));
            }
            canvas.revalidate();
            validate();
            int top = Math.max(0, Math.min(wantedTop(extent), canvas.contentHeight() - extent));
            viewport.setViewPosition(new Point(0, top));
            rememberAnchor();
            lastValue = getVerticalScrollBar().getValue();
        } finally {
            adjusting = false;
        }
        canvas.repaint();
    }

    private int wantedTop(int extent) {
        if (pinned || anchor == null) {
            return pinned ? Math.max(0, canvas.contentHeight() - extent) : 0;
        }
        int row = canvas.indexOf(anchor);
        return row < 0 ? 0 : canvas.top(row) + anchorOffset;
    }

    private void userScrolled() {
        boolean wasPinned = pinned;
        pinned = atBottom();
        if (pinned != wasPinned && canvas.shown() != null) {
            readingBack.accept(canvas.shown(), !pinned);
        }
        rememberAnchor();
        settle();
    }

    private void rememberAnchor() {
        if (canvas.rowCount() == 0) {
            anchor = null;
            return;
        }
        int top = getViewport().getViewPosition().y;
        int row = canvas.rowAt(top);
        anchor = canvas.entry(row);
        anchorOffset = top - canvas.top(row);
    }

    private void askForOlder() {
        Conversation shown = canvas.shown();
        if (shown == null || adjusting) {
            return;
        }
        wantsOlder.accept(shown);
        if (shown.loadingOlder() && pinned) {
            // The older lines go above what is in sight; the user went up for them, so the view stays.
            pinned = false;
            readingBack.accept(shown, true);
            rememberAnchor();
        }
    }

    private boolean atBottom() {
        JScrollBar bar = getVerticalScrollBar();
        return bar.getValue() + bar.getModel().getExtent() >= bar.getMaximum();
    }

    private TranscriptStyle style(Theme theme) {
        return new TranscriptStyle(theme, zone, UIManager.getFont("Label.font"), this);
    }

    private static void browse(String url) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            return;
        }
        // Opening a browser can take a while; the event dispatch thread must stay free.
        Thread opener = new Thread(() -> {
            try {
                Desktop.getDesktop().browse(new URI(url));
            } catch (IOException | URISyntaxException | UnsupportedOperationException e) {
                System.getLogger(TranscriptView.class.getName()).log(System.Logger.Level.INFO, "cannot open " + url + ": " + e.getMessage());
            }
        }, "open-link");
        opener.setDaemon(true);
        opener.start();
    }
}
