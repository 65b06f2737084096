package chat.client.ui;

import java.awt.Window;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * A one-question form: a sentence, a field and a button that does it (the default button, so
 * Enter does it too). Asks for a kick's reason or whom to invite.
 */
final class AskDialog extends JDialog {

    private final JTextField answer = new JTextField(24);

    /** {@code optional}: an empty answer will do; otherwise the button waits for one. */
    AskDialog(Window owner, String name, String title, String sentence, String doText, boolean optional, Consumer<String> done) {
        super(owner, title);
        setName(name);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel content = new JPanel(new MigLayout("wrap 1, insets 20 24 20 24, gap 10 8", "[grow,fill]"));
        content.add(Prose.heading(title), "left, gapbottom 6");
        content.add(Prose.sentences(name + "Text", sentence), "growx, w 340:340:");
        answer.setName(name + "Answer");
        content.add(answer);
        JButton cancel = new JButton("Cancel");
        cancel.setName("cancel");
        cancel.addActionListener(event -> dispose());
        JButton send = new JButton(doText);
        send.setName("ok");
        send.addActionListener(event -> {
            String text = answer.getText().strip();
            if (text.isEmpty() && !optional) {
                answer.requestFocusInWindow();
                return;
            }
            dispose();
            done.accept(text);
        });
        content.add(Prose.buttons(cancel, send), "growx, gaptop 10");
        setContentPane(content);
        getRootPane().setDefaultButton(send);
        pack();
        setResizable(false);
        setLocationRelativeTo(owner);
    }
}
