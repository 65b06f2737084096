package chat.client.ui;

import chat.client.model.Completer;
import chat.client.model.InputHistory;
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
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;

/**
 * Where the user types: Enter sends, Shift+Enter starts a new line, Up and Down recall earlier
 * lines (from the first and last line of the input), Tab completes commands and nicks.
 */
final class InputArea extends JTextArea {

    /** Enough to go back through a long session, small enough to keep. */
    private static final int REMEMBERED_LINES = 200;

    private final InputHistory history = new InputHistory(REMEMBERED_LINES);
    private final Completer completer = new Completer();
    private String hint = "";

    InputArea(Consumer<String> send, Supplier<List<String>> nicks) {
        super(2, 40);
        setName("input");
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
