package chat.client.ui;

import chat.client.model.AccountAnswer;
import java.awt.Window;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * A small form about this user's account: what it does, password fields, a line saying what is
 * wrong, and a button that sends it. It stays open until the server said yes, so that a refusal
 * is read where the passwords were typed.
 */
abstract class AccountDialog extends JDialog {

    private final AccountAnswer.Request request;
    private final JPanel content = new JPanel(new MigLayout("wrap 2, insets 20 24 20 24, gap 10 8", "[right][grow,fill]"));
    private final JTextArea problem = Prose.sentences("accountProblem", "");
    private final JButton send;
    private final JPasswordField[] fields;

    AccountDialog(Window owner, String title, AccountAnswer.Request request, String explanation, String sendText,
            String... labelsAndNames) {
        super(owner, title);
        this.request = request;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        content.add(Prose.heading(title), "span 2, left, gapbottom 6");
        content.add(Prose.sentences("accountText", explanation), "span 2, growx, w 380:380:");
        fields = new JPasswordField[labelsAndNames.length / 2];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new JPasswordField(20);
            fields[i].setName(labelsAndNames[2 * i + 1]);
            content.add(new JLabel(labelsAndNames[2 * i]));
            content.add(fields[i]);
        }
        problem.setForeground(Prose.errorColor());
        problem.setVisible(false);
        content.add(problem, "span 2, growx, w 380:380:, hidemode 3");
        JButton cancel = new JButton("Cancel");
        cancel.setName("cancel");
        cancel.addActionListener(event -> dispose());
        send = new JButton(sendText);
        send.setName("send");
        send.addActionListener(event -> submit());
        content.add(Prose.buttons(cancel, send), "span 2, growx, gaptop 10");
        setContentPane(content);
        getRootPane().setDefaultButton(send);
        pack();
        setResizable(false);
        setLocationRelativeTo(owner);
    }

    /** The password field at {@code index}, in the order the constructor named them. */
    JPasswordField field(int index) {
        return fields[index];
    }

    /** Checks the fields and sends the request, or says what is wrong. */
    abstract void submit();

    /** The server's answer: a yes closes the form (the chat says what changed), a no is shown here. */
    void answered(AccountAnswer answer) {
        if (answer.request() != request) {
            return;
        }
        if (answer.done()) {
            dispose();
        } else {
            busy(false);
            say(answer.sentence());
        }
    }

    /** A request under way will not be answered once the connection dropped: the form is the user's again. */
    void connectionLost() {
        if (!send.isEnabled()) {
            busy(false);
            say("The connection dropped before the server answered: try again once it is back.");
        }
    }

    void busy(boolean sending) {
        send.setEnabled(!sending);
        for (JPasswordField field : fields) {
            field.setEnabled(!sending);
        }
        if (sending) {
            problem.setVisible(false);
        }
    }

    /** Shows what is wrong; the fields are emptied, since what was typed in them is to be typed again. */
    void say(String sentence) {
        for (JPasswordField field : fields) {
            field.setText("");
        }
        problem.setText(sentence);
        problem.setVisible(true);
        pack();
        fields[0].requestFocusInWindow();
    }
}
