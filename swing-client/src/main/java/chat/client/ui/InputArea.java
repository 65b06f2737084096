package chat.client.ui;

import chat.client.model.Completer;
import chat.client.model.InputHistory;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;

/**
 * Where the user types: Enter sends, Shift+Enter starts a new line, Up and Down recall earlier
 * lines (from the first and last line of the input), Tab completes commands and nicks.
 */
final class InputArea extends JTextArea {

    /** Enough to go back through a long session, small enough to keep. */
    private static final int REMEMBERED_LINES = 200;
    /** The input is two lines tall when empty and grows with what is typed up to this many, then scrolls. */
    private static final int MIN_ROWS = 2;
    private static final int MAX_ROWS = 6;

    private final InputHistory history = new InputHistory(REMEMBERED_LINES);
    private final Completer completer = new Completer();
    private String hint = "";

    InputArea(Consumer<String> send, Supplier<List<String>> nicks) {
        super(MIN_ROWS, 40);
        setName("input");
        getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent event) {
                fitHeight();
            }

            @Override
            public void removeUpdate(DocumentEvent event) {
                fitHeight();
            }

            @Override
            public void changedUpdate(DocumentEvent event) {
                fitHeight();
            }
        });
        setLineWrap(true);
        setWrapStyleWord(true);
        setFocusTraversalKeysEnabled(false);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "send", () -> {
            String line = getText();
            if (!line.isBlank()) {
                history.remember(line);
                setText("");
                send.accept(line);
            }
        });
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK), "newline", () -> replaceSelection("\n"));
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_UP, 0), "recall-previous", () -> {
            if (caretLine() == 0) {
                setText(history.previous(getText()));
            } else {
                moveCaretLines(-1);
            }
        });
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0), "recall-next", () -> {
            if (caretLine() == getLineCount() - 1) {
                setText(history.next(getText()));
            } else {
                moveCaretLines(1);
            }
        });
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0), "complete", () ->
                completer.complete(getText(), getCaretPosition(), nicks.get()).ifPresent(result -> {
                    setText(result.text());
                    setCaretPosition(result.caret());
                }));
    }

    /** The scroll pane around the input stops a revalidate, so the panel holding it is asked to lay out again. */
    private void fitHeight() {
        Container scroll = SwingUtilities.getAncestorOfClass(JScrollPane.class, this);
        if (scroll != null && scroll.getParent() instanceof JComponent holder) {
            holder.revalidate();
        }
    }

    /** As tall as its lines (wrapped ones counted), from two to six. */
    @Override
    public Dimension getPreferredScrollableViewportSize() {
        Dimension size = super.getPreferredScrollableViewportSize();
        Insets insets = getInsets();
        int lines = (getPreferredSize().height - insets.top - insets.bottom) / getRowHeight();
        size.height = Math.max(MIN_ROWS, Math.min(MAX_ROWS, lines)) * getRowHeight() + insets.top + insets.bottom;
        return size;
    }

    /** The grey text shown while the input is empty, such as where a message goes. */
    void hint(String text) {
        hint = text;
        repaint();
    }

    /** FlatLaf draws placeholders in text fields only, so the input draws its own hint. */
    @Override
    protected void paintComponent(Graphics graphics) {
        super.paintComponent(graphics);
        if (getDocument().getLength() == 0 && isEnabled()) {
            Graphics2D g = (Graphics2D) graphics.create();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(UIManager.getColor("TextField.placeholderForeground"));
            g.setFont(getFont());
            Insets insets = getInsets();
            g.drawString(hint, insets.left, insets.top + g.getFontMetrics().getAscent());
            g.dispose();
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

    private int caretLine() {
        try {
            return getLineOfOffset(getCaretPosition());
        } catch (BadLocationException e) {
            return 0;
        }
    }

    private void moveCaretLines(int delta) {
        String action = delta < 0 ? javax.swing.text.DefaultEditorKit.upAction : javax.swing.text.DefaultEditorKit.downAction;
        getActionMap().get(action).actionPerformed(new ActionEvent(this, ActionEvent.ACTION_PERFORMED, action));
    }
}
