package chat.client.ui;

import java.awt.Color;
import java.awt.Font;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/** The text of the small dialogs: a heading, and sentences that wrap at the dialog's width. */
final class Prose {

    private Prose() {}

    static JLabel heading(String text) {
        JLabel heading = new JLabel(text);
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() + 4));
        return heading;
    }

    /** Sentences that wrap; they take no focus, so the keyboard starts on the dialog's fields and buttons. */
    static JTextArea sentences(String name, String text) {
        JTextArea area = new JTextArea(text);
        area.setName(name);
        area.setEditable(false);
        area.setFocusable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setOpaque(false);
        area.setBorder(null);
        area.setFont(UIManager.getFont("Label.font"));
        return area;
    }

    /** A row of buttons at the right, in the order given: the one that does the deed last. */
    static JPanel buttons(JButton... buttons) {
        JPanel row = new JPanel(new MigLayout("insets 0, gap 8", "push" + "[]".repeat(buttons.length)));
        row.setOpaque(false);
        for (JButton button : buttons) {
            row.add(button);
        }
        return row;
    }

    /** The look's own colour for what went wrong, as the text fields' error outline has it. */
    static Color errorColor() {
        return UIManager.getColor("Component.error.focusedBorderColor");
    }
}
