package chat.client.ui;

import chat.client.model.Conversation;
import chat.client.model.TranscriptEntry;
import java.awt.Color;
import java.awt.Desktop;
import java.awt.Point;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JEditorPane;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.HyperlinkEvent;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import javax.swing.text.StyleConstants;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLDocument;

/**
 * The transcript of the selected conversation: appends new lines, follows the bottom while the
 * user is there, keeps the reading position when older history arrives above, and asks for that
 * history when the user scrolls to the top.
 */
final class TranscriptView extends JScrollPane {

    private final JEditorPane pane = new JEditorPane();
    private final Consumer<Conversation> wantsOlder;
    private TranscriptHtml html;
    private Conversation shown;
    private TranscriptEntry last;
    private boolean rebuilding;
    /** True while the newest line should stay in sight: the user is at the bottom, or has not scrolled yet. */
    private boolean pinnedToBottom = true;
    private int viewHeight;

    TranscriptView(Theme theme, Consumer<Conversation> wantsOlder) {
        this.wantsOlder = wantsOlder;
        pane.setName("transcript");
        pane.setEditable(false);
        pane.setContentType("text/html");
        pane.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        pane.addHyperlinkListener(event -> {
            if (event.getEventType() == HyperlinkEvent.EventType.ACTIVATED) {
                browse(event.getDescription());
            }
        });
        setViewportView(pane);
        // An empty border of our own: a null one is replaced by the look's border on the next theme switch.
        setBorder(BorderFactory.createEmptyBorder());
        getVerticalScrollBar().setUnitIncrement(16);
        getVerticalScrollBar().addAdjustmentListener(event -> {
            if (!rebuilding && !event.getValueIsAdjusting() && event.getValue() == 0 && canScroll()) {
                askForOlder();
            }
        });
        // A short transcript has nothing to scroll, so turning the wheel up at the top asks as well.
        addMouseWheelListener(event -> {
            if (event.getWheelRotation() < 0 && getVerticalScrollBar().getValue() == 0) {
                askForOlder();
            }
        });
        // The HTML view finishes its layout in steps; whenever it grows, a pinned transcript follows it.
        getViewport().addChangeListener(event -> {
            int height = pane.getHeight();
            if (height != viewHeight) {
                viewHeight = height;
                if (pinnedToBottom) {
                    scrollToBottom();
                }
            }
        });
        theme(theme);
    }

    void theme(Theme theme) {
        // A plain Color, not the look's UIResource, which FlatLaf swaps for the grey of read-only text.
        pane.setBackground(new Color(UIManager.getColor("List.background").getRGB()));
        html = new TranscriptHtml(theme, ZoneId.systemDefault(), pane.getFont().getSize());
        rebuild(false);
    }

    void show(Conversation conversation) {
        shown = conversation;
        rebuild(false);
    }

    void appended(Conversation conversation, TranscriptEntry entry) {
        if (conversation != shown) {
            return;
        }
        pinnedToBottom = atBottom();
        HTMLDocument document = (HTMLDocument) pane.getDocument();
        Element body = document.getElement(document.getDefaultRootElement(), StyleConstants.NameAttribute, HTML.Tag.BODY);
        try {
            if (TranscriptHtml.continues(last, entry)) {
                document.insertBeforeEnd(body.getElement(body.getElementCount() - 1), html.line(entry));
            } else {
                document.insertBeforeEnd(body, html.entry(entry));
            }
        } catch (BadLocationException | IOException e) {
            throw new IllegalStateException("the transcript document refused a line", e);
        }
        last = entry;
    }

    void replaced(Conversation conversation) {
        if (conversation == shown) {
            rebuild(true);
        }
    }

    /** The text the user reads, without markup: what tests look at. */
    String plainText() {
        try {
            return pane.getDocument().getText(0, pane.getDocument().getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rebuild(boolean keepPosition) {
        List<TranscriptEntry> entries = shown == null ? List.of() : shown.transcript();
        JScrollBar bar = getVerticalScrollBar();
        int fromBottom = bar.getMaximum() - bar.getValue();
        rebuilding = true;
        pinnedToBottom = !keepPosition || atBottom();
        pane.setText(html.document(entries));
        last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        SwingUtilities.invokeLater(() -> {
            validate();
            if (!pinnedToBottom) {
                bar.setValue(bar.getMaximum() - fromBottom);
            }
            rebuilding = false;
        });
    }

    private void askForOlder() {
        if (!rebuilding && shown != null) {
            wantsOlder.accept(shown);
        }
    }

    private boolean atBottom() {
        JScrollBar bar = getVerticalScrollBar();
        return bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - bar.getUnitIncrement();
    }

    private boolean canScroll() {
        JScrollBar bar = getVerticalScrollBar();
        return bar.getMaximum() > bar.getVisibleAmount();
    }

    private void scrollToBottom() {
        int top = Math.max(0, pane.getHeight() - getViewport().getExtentSize().height);
        getViewport().setViewPosition(new Point(0, top));
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
