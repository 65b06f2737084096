package chat.client.ui;

import java.awt.Component;
import java.awt.Graphics;
import java.awt.Insets;
import javax.swing.UIManager;
import javax.swing.border.AbstractBorder;

/** One-pixel lines on chosen sides, in the current look's separator colour, so they follow theme switches. */
final class SeparatorBorder extends AbstractBorder {

    private final int top;
    private final int left;
    private final int bottom;
    private final int right;

    private SeparatorBorder(int top, int left, int bottom, int right) {
        this.top = top;
        this.left = left;
        this.bottom = bottom;
        this.right = right;
    }

    static SeparatorBorder top() {
        return new SeparatorBorder(1, 0, 0, 0);
    }

    static SeparatorBorder left() {
        return new SeparatorBorder(0, 1, 0, 0);
    }

    static SeparatorBorder bottom() {
        return new SeparatorBorder(0, 0, 1, 0);
    }

    static SeparatorBorder right() {
        return new SeparatorBorder(0, 0, 0, 1);
    }

    @Override
    public void paintBorder(Component component, Graphics g, int x, int y, int width, int height) {
        g.setColor(UIManager.getColor("Separator.foreground"));
        g.fillRect(x, y, width, top);
        g.fillRect(x, y, left, height);
        g.fillRect(x, y + height - bottom, width, bottom);
        g.fillRect(x + width - right, y, right, height);
    }

    @Override
    public Insets getBorderInsets(Component component, Insets insets) {
        insets.set(top, left, bottom, right);
        return insets;
    }
}
