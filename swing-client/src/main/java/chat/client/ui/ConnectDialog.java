package chat.client.ui;

import chat.client.model.LoginField;
import chat.client.model.NameProblems;
import chat.client.net.CertificatePins;
import chat.client.net.Endpoint;
import chat.client.net.ServerList;
import chat.protocol.Secret;
import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;

/** Asks where to connect and as whom, and says in plain words why a login failed. */
public final class ConnectDialog extends JFrame {

    /** What the user chose; {@code password} is null for a guest's login. */
    public record Choice(ServerList servers, String nick, Secret password) {}

    /** Says that the field takes a list too, which nothing else on the dialog would tell. */
    private static final String HOST_HINT = "One server, or the servers of a cluster separated by commas: a:7777,b:7777,c. "
            + "A server without a port takes the port below.";

    private final JTextField host = new JTextField(18);
    private final JTextField port = new JTextField(6);
    private final JCheckBox tls = new JCheckBox("Secure connection (TLS)");
    private final JTextField nick = new JTextField(18);
    private final JPasswordField password = new JPasswordField(18);
    private final JButton forget = new JButton("Forget this server's certificate…");
    private final JButton connect = new JButton("Connect");
    private final JTextArea problem = new JTextArea(2, 28);
    private final CertificatePins pins;
    /** True once the user typed in the port field: a port they chose is not switched with the TLS box. */
    private boolean portTyped;
    private boolean settingPort;

    /** {@code onConnect} gets what the user chose; the dialog waits for {@link #failed} or closing. */
    public ConnectDialog(ServerList initialServers, String initialNick, CertificatePins pins, Consumer<Choice> onConnect) {
        super("Connect to chat");
        this.pins = pins;
        setName("connectDialog");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        host.setName("host");
        port.setName("port");
        tls.setName("tls");
        nick.setName("nick");
        password.setName("password");
        forget.setName("forgetCertificate");
        connect.setName("connect");
        problem.setName("problem");
        int initialPort = initialServers.get(0).port();
        host.setText(initialServers.text(initialPort));
        host.setToolTipText(HOST_HINT);
        port.setText(Integer.toString(initialPort));
        port.getDocument().addDocumentListener(new Typed());
        tls.setSelected(initialServers.tls());
        tls.setToolTipText("The first time a server shows its certificate, you are asked to trust it; a certificate "
                + "that changes later is refused.");
        tls.addActionListener(event -> tlsToggled());
        nick.setText(initialNick);
        password.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "only for a registered nick");
        password.setToolTipText("Never saved: the client keeps it in memory, for reconnects, until it quits.");
        forget.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
        forget.addActionListener(event -> forgetCertificates());
        forget.setVisible(tls.isSelected());
        problem.setEditable(false);
        problem.setFocusable(false);
        problem.setLineWrap(true);
        problem.setWrapStyleWord(true);
        problem.setOpaque(false);

        JLabel title = new JLabel("Join the conversation");
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 6));
        JLabel never = new JLabel("Never saved to disk.");
        never.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        JPanel content = new JPanel(new MigLayout("wrap 2, insets 20 24 20 24, gap 10 8", "[right][grow,fill]"));
        content.add(title, "span 2, left, gapbottom 10");
        content.add(new JLabel("Server"));
        content.add(host);
        content.add(new JLabel("Port"));
        content.add(port, "growx 0, w 90!, split 2");
        content.add(tls, "growx 0, gapleft 12");
        content.add(forget, "skip 1, growx 0, left, hidemode 3");
        content.add(new JLabel("Nick"));
        content.add(nick);
        content.add(new JLabel("Password"));
        content.add(password);
        content.add(never, "skip 1, gaptop 0");
        content.add(problem, "span 2, growx, w 320:320:, gaptop 6, hidemode 3");
        content.add(connect, "span 2, right, gaptop 10");
        problem.setVisible(false);
        setContentPane(content);
        getRootPane().setDefaultButton(connect);

        connect.addActionListener(event -> chosen().ifPresent(servers -> {
            Optional<Secret> secret = PasswordFields.take(password);
            if (secret.isPresent() && secret.get().problem().isPresent()) {
                say("An account's password has " + Secret.MIN_CODE_POINTS + " to " + Secret.MAX_CODE_POINTS + " characters.");
                return;
            }
            busy(true);
            onConnect.accept(new Choice(servers, nick.getText().strip(), secret.orElse(null)));
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

    /**
     * The port follows the box between the two default ports, unless the user typed one: a port
     * they chose, or one remembered that is neither default, stays.
     */
    private void tlsToggled() {
        String leaving = Integer.toString(Endpoint.defaultPort(!tls.isSelected()));
        if (!portTyped && port.getText().strip().equals(leaving)) {
            settingPort = true;
            port.setText(Integer.toString(Endpoint.defaultPort(tls.isSelected())));
            settingPort = false;
        }
        forget.setVisible(tls.isSelected());
        pack();
    }

    /** Forgets the pinned certificates of the servers in the field, once the user confirms: the way past a changed certificate. */
    private void forgetCertificates() {
        Optional<ServerList> servers = servers();
        if (servers.isEmpty()) {
            return;
        }
        List<Endpoint> pinned = servers.get().endpoints().stream().filter(server -> pins.pinned(server).isPresent()).toList();
        if (pinned.isEmpty()) {
            note("No certificate is remembered for " + servers.get().text(-1) + ".");
            return;
        }
        StringBuilder list = new StringBuilder();
        for (Endpoint server : pinned) {
            list.append(server).append("\n").append(pins.pinned(server).map(f -> f.lines(16)).orElse("")).append("\n\n");
        }
        int answer = JOptionPane.showConfirmDialog(this, "Forget the certificate trusted for:\n\n" + list
                + "The next connection shows the server's certificate and asks you again. Check its fingerprint\n"
                + "with the server's operator before you trust it.", "Forget the certificate", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.WARNING_MESSAGE);
        if (answer == JOptionPane.OK_OPTION) {
            pinned.forEach(pins::forget);
            note("Forgotten. The next connection asks you about the certificate of " + servers.get().text(-1) + ".");
        }
    }

    private Optional<ServerList> chosen() {
        Optional<ServerList> servers = servers();
        if (servers.isEmpty()) {
            return servers;
        }
        Optional<String> nickProblem = NameProblems.nick(nick.getText().strip());
        if (nickProblem.isPresent()) {
            say("That nick will not do: " + nickProblem.get() + ".");
            return Optional.empty();
        }
        return servers;
    }

    private Optional<ServerList> servers() {
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
        try {
            return Optional.of(ServerList.parse(server, number).secure(tls.isSelected()));
        } catch (IllegalArgumentException e) {
            say("The server field " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    private void busy(boolean connecting) {
        connect.setEnabled(!connecting);
        connect.setText(connecting ? "Connecting…" : "Connect");
        host.setEnabled(!connecting);
        port.setEnabled(!connecting);
        tls.setEnabled(!connecting);
        nick.setEnabled(!connecting);
        password.setEnabled(!connecting);
        forget.setEnabled(!connecting);
        if (connecting) {
            problem.setVisible(false);
        }
    }

    private void say(String sentence) {
        show(sentence, UIManager.getColor("Component.error.focusedBorderColor"));
    }

    private void note(String sentence) {
        show(sentence, UIManager.getColor("Label.foreground"));
    }

    private void show(String sentence, Color color) {
        problem.setForeground(color);
        problem.setText(sentence);
        problem.setVisible(true);
        pack();
    }

    /** Marks the port as the user's own once they type in it. */
    private final class Typed implements DocumentListener {
        @Override
        public void insertUpdate(DocumentEvent event) {
            typed();
        }

        @Override
        public void removeUpdate(DocumentEvent event) {
            typed();
        }

        @Override
        public void changedUpdate(DocumentEvent event) {
            // Attributes only: no port was typed.
        }

        private void typed() {
            if (!settingPort) {
                portTyped = true;
            }
        }
    }
}
