package chat.client.ui;

import chat.client.model.ChatClient;
import chat.client.model.ConnectionStatus;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JTextField;

/**
 * A strip over the transcript while the connection is down: what the client is doing about it,
 * in as many lines as the sentence needs, and what the user can do instead of waiting: retry
 * now, stop, reconnect later, or pick another nick when theirs was taken meanwhile.
 */
final class ConnectionBanner extends JPanel {

    private final JTextArea message = new JTextArea();
    private final JTextField nick = new JTextField(12);
    private final JButton useNick = new JButton("Use this nick");
    private final JButton retry = new JButton("Retry now");
    private final JButton disconnect = new JButton("Disconnect");
    private final JButton reconnect = new JButton("Reconnect");
    private final JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
    private final ChatClient client;
    private String status = "";

    ConnectionBanner(ChatClient client, Theme theme) {
        super(new BorderLayout(0, 6));
        this.client = client;
        setName("connectionBanner");
        message.setName("connectionBannerText");
        message.setEditable(false);
        message.setFocusable(false);
        message.setOpaque(false);
        message.setLineWrap(true);
        message.setWrapStyleWord(true);
        message.setBorder(BorderFactory.createEmptyBorder());
        // A wrapped text is as tall as its width makes it: a new width needs another layout.
        message.addComponentListener(new ComponentAdapter() {
            private int width;

            @Override
            public void componentResized(ComponentEvent event) {
                if (message.getWidth() != width) {
                    width = message.getWidth();
                    revalidate();
                }
            }
        });
        nick.setName("bannerNick");
        useNick.setName("useNick");
        retry.setName("retryNow");
        disconnect.setName("disconnect");
        reconnect.setName("reconnect");
        nick.addActionListener(event -> pickNick());
        useNick.addActionListener(event -> pickNick());
        retry.addActionListener(event -> client.retryNow());
        reconnect.addActionListener(event -> client.retryNow());
        disconnect.addActionListener(event -> client.disconnect());
        actions.setOpaque(false);
        for (JComponent control : new JComponent[] {nick, useNick, retry, disconnect, reconnect}) {
            actions.add(control);
        }
        setBorder(BorderFactory.createEmptyBorder(6, 12, 8, 12));
        add(message, BorderLayout.CENTER);
        add(actions, BorderLayout.SOUTH);
        theme(theme);
        setVisible(false);
    }

    void theme(Theme theme) {
        setBackground(theme.palette().bannerBackground());
        message.setForeground(theme.palette().bannerText());
    }

    void show(ConnectionStatus connection) {
        status = connection.detail();
        message.setText(status);
        ConnectionStatus.State state = connection.state();
        boolean anotherNick = state == ConnectionStatus.State.NICK_TAKEN || state == ConnectionStatus.State.PASSWORD_NEEDED;
        nick.setVisible(anotherNick);
        useNick.setVisible(anotherNick);
        retry.setVisible(state == ConnectionStatus.State.RECONNECTING || state == ConnectionStatus.State.NICK_TAKEN);
        disconnect.setVisible(state == ConnectionStatus.State.RECONNECTING || state == ConnectionStatus.State.NICK_TAKEN);
        // With a password wanted, reconnecting asks for it again.
        reconnect.setVisible(state == ConnectionStatus.State.OFFLINE || state == ConnectionStatus.State.PASSWORD_NEEDED);
        setVisible(!connection.online());
        revalidate();
    }

    private void pickNick() {
        client.retryAs(nick.getText().strip())
                .ifPresent(problem -> message.setText(status + "\nThat nick will not do: " + problem + "."));
    }
}
