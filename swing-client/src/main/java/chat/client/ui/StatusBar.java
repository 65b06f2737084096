package chat.client.ui;

import chat.client.model.ConnectionStatus;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** The bottom line: a coloured dot and a sentence about the connection. */
final class StatusBar extends JPanel {

    private static final int DOT = 8;

    private final JLabel text = new JLabel();
    private Theme theme;
    private ConnectionStatus shown = new ConnectionStatus(ConnectionStatus.State.OFFLINE, "");

    StatusBar(Theme theme) {
        super(new BorderLayout());
        this.theme = theme;
        setName("statusBar");
        text.setName("status");
        text.setIconTextGap(8);
        setBorder(BorderFactory.createCompoundBorder(
                SeparatorBorder.top(),
                BorderFactory.createEmptyBorder(4, 10, 4, 10)));
        add(text, BorderLayout.CENTER);
    }

    void theme(Theme newTheme) {
        theme = newTheme;
        show(shown);
    }

    void show(ConnectionStatus status) {
        shown = status;
        Theme.Palette p = theme.palette();
        text.setText(status.detail());
        text.setIcon(new Dot(switch (status.state()) {
            case ONLINE -> p.online();
            case CONNECTING, RECONNECTING, NICK_TAKEN, PASSWORD_NEEDED -> p.connecting();
            case OFFLINE -> p.offline();
        }));
    }

    private record Dot(Color color) implements Icon {
        @Override
        public void paintIcon(java.awt.Component component, Graphics graphics, int x, int y) {
            Graphics2D g = (Graphics2D) graphics.create();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(color);
            g.fillOval(x, y, DOT, DOT);
            g.dispose();
        }

        @Override
        public int getIconWidth() {
            return DOT;
        }

        @Override
        public int getIconHeight() {
            return DOT;
        }
    }
}
