package chat.client.ui;

import chat.client.model.LoginField;
import chat.client.model.NameProblems;
import chat.client.net.Endpoint;
import java.awt.Font;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/** Asks where to connect and as whom, and says in plain words why a login failed. */
public final class ConnectDialog extends JFrame {

    private final JTextField host = new JTextField(18);
    private final JTextField port = new JTextField(6);
    private final JTextField nick = new JTextField(18);
    private final JButton connect = new JButton("Connect");
    private final JTextArea problem = new JTextArea(2, 28);

    /** {@code onConnect} gets the server and nick the user chose; the dialog waits for {@link #failed} or closing. */
    public ConnectDialog(String initialHost, int initialPort, String initialNick, BiConsumer<Endpoint, String> onConnect) {
        super("Connect to chat");
        setName("connectDialog");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        host.setName("host");
        port.setName("port");
        nick.setName("nick");
        connect.setName("connect");
        problem.setName("problem");
        host.setText(initialHost);
        port.setText(Integer.toString(initialPort));
        nick.setText(initialNick);
        problem.setEditable(false);
        problem.setFocusable(false);
        problem.setLineWrap(true);
        problem.setWrapStyleWord(true);
        problem.setOpaque(false);
        problem.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));

        JLabel title = new JLabel("Join the conversation");
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 6));
        JPanel content = new JPanel(new MigLayout("wrap 2, insets 20 24 20 24, gap 10 8", "[right][grow,fill]"));
        content.add(title, "span 2, left, gapbottom 10");
        content.add(new JLabel("Server"));
        content.add(host);
        content.add(new JLabel("Port"));
        content.add(port, "growx 0, w 90!");
        content.add(new JLabel("Nick"));
        content.add(nick);
        content.add(problem, "span 2, growx, w 320:320:, gaptop 6, hidemode 3");
        content.add(connect, "span 2, right, gaptop 10");
        problem.setVisible(false);
        setContentPane(content);
        getRootPane().setDefaultButton(connect);

        connect.addActionListener(event -> chosen().ifPresent(endpoint -> {
            busy(true);
            onConnect.accept(endpoint, nick.getText().strip());
        }));
        pack();
        setResizable(false);
        setLocationRelativeTo(null);
    }

    /** Shows why the last attempt failed and puts the caret, with the text selected, where the mistake probably is. */
    public void failed(String reason, LoginField wrong) {
        busy(false);
        say(reason);
        setVisible(true);
        JTextField field = switch (wrong) {
            case HOST -> host;
            case PORT -> port;
            case NICK -> nick;
        };
        field.selectAll();
        field.requestFocusInWindow();
    }

    private Optional<Endpoint> chosen() {
        String server = host.getText().strip();
        if (server.isEmpty()) {
            say("Which server? Type its host name or address.");
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1 || number > 65535) {
            say("The port is a number from 1 to 65535.");
            return Optional.empty();
        }
        Optional<String> nickProblem = NameProblems.nick(nick.getText().strip());
        if (nickProblem.isPresent()) {
            say("That nick will not do: " + nickProblem.get() + ".");
            return Optional.empty();
        }
        return Optional.of(new Endpoint(server, number));
    }

    private void busy(boolean connecting) {
        connect.setEnabled(!connecting);
        connect.setText(connecting ? "Connecting…" : "Connect");
        host.setEnabled(!connecting);
        port.setEnabled(!connecting);
        nick.setEnabled(!connecting);
        if (connecting) {
            problem.setVisible(false);
        }
    }

    private void say(String sentence) {
        problem.setText(sentence);
        problem.setVisible(true);
        pack();
    }
}
