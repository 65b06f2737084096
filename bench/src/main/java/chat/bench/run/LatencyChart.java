package chat.bench.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws scenario 2 as a PNG: latency percentiles (log scale) against offered deliveries per
 * second, one colour per server, one line style per percentile.
 */
final class LatencyChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 260;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final double MIN_MS = 0.1;
    private static final double MAX_MS = 100_000;
    private static final int X_TICKS = 5;
    private static final Color OURS = new Color(0x1f77b4);
    private static final Color OURS_POSTGRES = new Color(0x2ca02c);
    /** Scenario 2 never runs a cluster; the switch below names every server all the same. */
    private static final Color OURS_THREE_NODES = new Color(0x9467bd);
    private static final Color BASELINE = new Color(0xd62728);
    private static final Color GRID = new Color(0xdddddd);

    private record Percentile(String label, ToDoubleFunction<Findings.RampPoint> value, Stroke stroke) {}

    private static final List<Percentile> PERCENTILES = List.of(
            new Percentile("p50", Findings.RampPoint::p50, new BasicStroke(2f)),
            new Percentile("p99", Findings.RampPoint::p99,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {10f, 5f}, 0f)),
            new Percentile("p99.9", Findings.RampPoint::p999,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 4f}, 0f)));

    private LatencyChart() {}

    static void draw(Map<ServerKind, List<Findings.RampPoint>> ramp, String title, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxX = ramp.values().stream().flatMap(List::stream)
                .mapToDouble(Findings.RampPoint::offeredDeliveries).max().orElse(1);
        axes(g, maxX);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, TOP - 20);
        int legendY = TOP + 10;
        for (Map.Entry<ServerKind, List<Findings.RampPoint>> series : ramp.entrySet()) {
            Color colour = switch (series.getKey()) {
                case OURS -> OURS;
                case OURS_POSTGRES -> OURS_POSTGRES;
                case OURS_THREE_NODES -> OURS_THREE_NODES;
                case BASELINE -> BASELINE;
            };
            for (Percentile percentile : PERCENTILES) {
                line(g, series.getValue(), percentile, colour, maxX);
                g.setColor(colour);
                g.setStroke(percentile.stroke());
                g.drawLine(WIDTH - RIGHT + 20, legendY, WIDTH - RIGHT + 60, legendY);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                g.drawString(series.getKey().heading + " " + percentile.label(), WIDTH - RIGHT + 68, legendY + 5);
                legendY += 22;
            }
            legendY += 10;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void axes(Graphics2D g, double maxX) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
            int y = y(ms);
            g.setColor(GRID);
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(ms < 1 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms), LEFT - 55, y + 4);
        }
        for (int tick = 0; tick <= X_TICKS; tick++) {
            double value = maxX * tick / X_TICKS;
            int x = x(value, maxX);
            g.setColor(GRID);
            g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%,.0f", value), x - 25, HEIGHT - BOTTOM + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        g.drawString("offered deliveries per second (messages/s × room members)", LEFT + 120, HEIGHT - 25);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("latency, ms (log scale)", -(TOP + 260), 20);
        rotated.dispose();
    }

    private static void line(Graphics2D g, List<Findings.RampPoint> points, Percentile percentile, Color colour, double maxX) {
        g.setColor(colour);
        g.setStroke(percentile.stroke());
        int previousX = -1;
        int previousY = -1;
        for (Findings.RampPoint point : points) {
            double ms = percentile.value().applyAsDouble(point);
            if (Double.isNaN(ms)) {
                continue;
            }
            int x = x(point.offeredDeliveries(), maxX);
            int y = y(ms);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
    }

    private static int x(double value, double maxX) {
        return LEFT + (int) Math.round((WIDTH - LEFT - RIGHT) * value / maxX);
    }

    private static int y(double ms) {
        double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        double fraction = (Math.log10(clamped) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS));
        return HEIGHT - BOTTOM - (int) Math.round((HEIGHT - TOP - BOTTOM) * fraction);
    }
}
