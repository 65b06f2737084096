package chat.client.ui;

import chat.client.model.ConnectionStatus;
import java.awt.BorderLayout;
import java.awt.Color;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** A strip over the transcript while the connection is down, saying what the client is doing about it. */
final class ConnectionBanner extends JPanel {

    private static final Color BACKGROUND = new Color(0xFFB020);
    private static final Color TEXT = new Color(0x2B2100);

    private final JLabel message = new JLabel();

    ConnectionBanner() {
        super(new BorderLayout());
        setName("connectionBanner");
        message.setName("connectionBannerText");
        message.setForeground(TEXT);
        setBackground(BACKGROUND);
        setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 12));
        add(message, BorderLayout.CENTER);
        setVisible(false);
    }

    void show(ConnectionStatus status) {
        message.setText(status.detail());
        setVisible(!status.online());
    }
}
