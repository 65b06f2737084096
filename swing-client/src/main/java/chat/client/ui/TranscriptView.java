package chat.client.ui;

import chat.client.model.Conversation;
import chat.client.model.TranscriptEntry;
import java.awt.Color;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JEditorPane;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.HyperlinkEvent;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;

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
        setBorder(null);
        getVerticalScrollBar().setUnitIncrement(16);
        getVerticalScrollBar().addAdjustmentListener(event -> {
            if (!rebuilding && shown != null && !event.getValueIsAdjusting() && event.getValue() == 0 && canScroll()) {
                wantsOlder.accept(shown);
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
        boolean following = atBottom();
        HTMLDocument document = (HTMLDocument) pane.getDocument();
        Element body = document.getElement(document.getDefaultRootElement(), javax.swing.text.StyleConstants.NameAttribute, HTML.Tag.BODY);
        try {
            document.insertBeforeEnd(body, html.entry(last, entry));
        } catch (BadLocationException | IOException e) {
            throw new IllegalStateException("the transcript document refused a line", e);
        }
        last = entry;
        if (following) {
            scrollToBottom();
        }
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

    JEditorPane pane() {
        return pane;
    }

    private void rebuild(boolean keepPosition) {
        List<TranscriptEntry> entries = shown == null ? List.of() : shown.transcript();
        JScrollBar bar = getVerticalScrollBar();
        int fromBottom = bar.getMaximum() - bar.getValue();
        rebuilding = true;
        pane.setText(html.document(entries));
        last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        SwingUtilities.invokeLater(() -> {
            validate();
            bar.setValue(keepPosition ? bar.getMaximum() - fromBottom : bar.getMaximum());
            rebuilding = false;
        });
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
        SwingUtilities.invokeLater(() -> {
            validate();
            JScrollBar bar = getVerticalScrollBar();
            bar.setValue(bar.getMaximum());
        });
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
