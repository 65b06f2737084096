package chat.client.ui;

import chat.client.model.PasswordPrompt;
import chat.protocol.Secret;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * Asks for the password of the account whose nick the user wants, after the server said the nick
 * is an account's, the password was wrong, or too many were. The other way out is another nick.
 */
public final class PasswordPromptDialog extends JDialog {

    private final JPasswordField password = new JPasswordField(20);
    private final JTextArea problem = Prose.sentences("passwordProblem", "");
    private final Consumer<Secret> logIn;

    /** {@code logIn} gets the password typed; {@code otherNick} runs when the user would rather not, also when they close the dialog. */
    public PasswordPromptDialog(Window owner, PasswordPrompt prompt, Consumer<Secret> logIn, Runnable otherNick) {
        super(owner, "Password for " + prompt.nick());
        this.logIn = logIn;
        setName("passwordPrompt");
        password.setName("password");
        JTextArea text = Prose.sentences("passwordPromptText", prompt.sentence());
        if (prompt.reason() != PasswordPrompt.Reason.REQUIRED) {
            text.setForeground(Prose.errorColor());
        }
        problem.setForeground(Prose.errorColor());
        problem.setVisible(false);
        JButton other = new JButton("Choose another nick");
        other.setName("otherNick");
        JButton login = new JButton("Log in");
        login.setName("logIn");

        JPanel content = new JPanel(new MigLayout("wrap 2, insets 20 24 20 24, gap 10 8", "[right][grow,fill]"));
        content.add(Prose.heading("Log in as " + prompt.nick()), "span 2, left, gapbottom 6");
        content.add(text, "span 2, growx, w 360:360:");
        content.add(new JLabel("Password"), "gaptop 6");
        content.add(password, "gaptop 6");
        content.add(problem, "span 2, growx, w 360:360:, hidemode 3");
        content.add(Prose.buttons(other, login), "span 2, growx, gaptop 10");
        setContentPane(content);
        getRootPane().setDefaultButton(login);

        login.addActionListener(event -> submit());
        other.addActionListener(event -> {
            dispose();
            otherNick.run();
        });
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent event) {
                otherNick.run();
            }
        });
        pack();
        setResizable(false);
        setLocationRelativeTo(owner);
    }

    private void submit() {
        Optional<Secret> secret = PasswordFields.take(password);
        if (secret.isEmpty()) {
            say("Type the password, or choose another nick.");
        } else if (secret.get().problem().isPresent()) {
            // No account has such a password: asking the server would only count as a wrong one.
            say("An account's password has " + Secret.MIN_CODE_POINTS + " to " + Secret.MAX_CODE_POINTS + " characters.");
        } else {
            dispose();
            logIn.accept(secret.get());
        }
    }

    private void say(String sentence) {
        problem.setText(sentence);
        problem.setVisible(true);
        pack();
        password.requestFocusInWindow();
    }
}
