package chat.client.ui;

import chat.client.model.LoginField;
import chat.client.model.NameProblems;
import chat.client.net.ServerList;
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

    /** Says that the field takes a list too, which nothing else on the dialog would tell. */
    private static final String HOST_HINT = "One server, or the servers of a cluster separated by commas: a:7777,b:7777,c. "
            + "A server without a port takes the port below.";

    private final JTextField host = new JTextField(18);
    private final JTextField port = new JTextField(6);
    private final JTextField nick = new JTextField(18);
    private final JButton connect = new JButton("Connect");
    private final JTextArea problem = new JTextArea(2, 28);

    /** {@code onConnect} gets the servers and nick the user chose; the dialog waits for {@link #failed} or closing. */
    public ConnectDialog(ServerList initialServers, String initialNick, BiConsumer<ServerList, String> onConnect) {
        super("Connect to chat");
        setName("connectDialog");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        host.setName("host");
        port.setName("port");
        nick.setName("nick");
        connect.setName("connect");
        problem.setName("problem");
        int initialPort = initialServers.get(0).port();
        host.setText(initialServers.text(initialPort));
        host.setToolTipText(HOST_HINT);
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

        connect.addActionListener(event -> chosen().ifPresent(servers -> {
            busy(true);
            onConnect.accept(servers, nick.getText().strip());
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

    private Optional<ServerList> chosen() {
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
        ServerList servers;
        try {
            servers = ServerList.parse(server, number);
        } catch (IllegalArgumentException e) {
            say("The server field " + e.getMessage() + ".");
            return Optional.empty();
        }
        Optional<String> nickProblem = NameProblems.nick(nick.getText().strip());
        if (nickProblem.isPresent()) {
            say("That nick will not do: " + nickProblem.get() + ".");
            return Optional.empty();
        }
        return Optional.of(servers);
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
