package chat.client.ui;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;

/** The pill with the number of unread messages; red when one of them mentions the user. */
final class UnreadBadge extends JComponent {

    private static final int PADDING = 6;

    private String count = "";
    private boolean mention;
    private Theme.Palette palette = Theme.LIGHT.palette();

    void show(int unread, boolean mentioned, Theme theme) {
        palette = theme.palette();
        count = unread == 0 ? "" : unread > 99 ? "99+" : Integer.toString(unread);
        mention = mentioned;
    }

    @Override
    public Dimension getPreferredSize() {
        if (count.isEmpty()) {
            return new Dimension(0, 0);
        }
        FontMetrics metrics = getFontMetrics(getFont());
        int height = metrics.getHeight();
        return new Dimension(Math.max(height, metrics.stringWidth(count) + 2 * PADDING), height);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        if (count.isEmpty()) {
            return;
        }
        Graphics2D g = (Graphics2D) graphics.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(mention ? palette.badgeMention() : palette.badge());
        int height = getHeight();
        g.fillRoundRect(0, 0, getWidth(), height, height, height);
        g.setColor(palette.badgeText());
        g.setFont(getFont());
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(count, (getWidth() - metrics.stringWidth(count)) / 2, (height - metrics.getHeight()) / 2 + metrics.getAscent());
        g.dispose();
    }
}
