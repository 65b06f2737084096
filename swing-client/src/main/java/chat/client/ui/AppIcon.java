package chat.client.ui;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** The app's icon, drawn rather than shipped: a speech bubble with three dots. */
final class AppIcon {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {}

    static List<Image> images() {
        return java.util.Arrays.stream(SIZES).mapToObj(AppIcon::draw).map(Image.class::cast).toList();
    }

    static Image image() {
        return draw(64);
    }

    private static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double unit = size / 16.0;
        g.setColor(Theme.ICON);
        g.fill(new RoundRectangle2D.Double(unit, unit * 2, unit * 14, unit * 10, unit * 5, unit * 5));
        Path2D tail = new Path2D.Double();
        tail.moveTo(unit * 4, unit * 11);
        tail.lineTo(unit * 3.5, unit * 15);
        tail.lineTo(unit * 8, unit * 11);
        tail.closePath();
        g.fill(tail);
        g.setColor(Theme.ICON_DOTS);
        for (int dot = 0; dot < 3; dot++) {
            double x = unit * (4.5 + dot * 3.5);
            g.fill(new java.awt.geom.Ellipse2D.Double(x - unit, unit * 6, unit * 2, unit * 2));
        }
        g.dispose();
        return image;
    }
}
