package org.lhs.qi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * Draws a sparkline as vector graphics: the monthly rates as a thin line (gaps where suppressed), the target as a
 * faint dashed line, special-cause months as orange (worse) or blue (better) dots and the latest month as a dot.
 */
public final class SparklineRenderable extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;
    private static final Color LINE = new Color(0x1F4E79);
    private static final Color TARGET = new Color(0xC0392B);
    private static final Color WORSE = new Color(0xE66100);
    private static final Color BETTER = new Color(0x1F78B4);

    private final SparklineData data;

    /** Renderable of {@code data}. */
    public SparklineRenderable(SparklineData data) {
        this.data = data;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
        double[] range = range();
        if (range == null) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double pad = 3;
        double x0 = area.getX() + pad;
        double width = area.getWidth() - 2 * pad;
        double y0 = area.getY() + pad;
        double height = area.getHeight() - 2 * pad;
        int n = data.values().size();
        java.util.function.IntToDoubleFunction x = i -> x0 + (n == 1 ? width / 2 : width * i / (n - 1));
        java.util.function.DoubleUnaryOperator y = v -> y0 + height * (1 - (v - range[0]) / (range[1] - range[0]));
        if (data.target() != null) {
            g.setColor(TARGET);
            g.setStroke(new BasicStroke(0.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 1.5f}, 0f));
            double ty = y.applyAsDouble(data.target());
            g.draw(new Line2D.Double(x0, ty, x0 + width, ty));
        }
        Path2D path = new Path2D.Double();
        boolean drawing = false;
        int last = -1;
        for (int i = 0; i < n; i++) {
            Double v = data.values().get(i);
            if (v == null) {
                drawing = false;
                continue;
            }
            if (drawing) {
                path.lineTo(x.applyAsDouble(i), y.applyAsDouble(v));
            } else {
                path.moveTo(x.applyAsDouble(i), y.applyAsDouble(v));
                drawing = true;
            }
            last = i;
        }
        g.setColor(LINE);
        g.setStroke(new BasicStroke(0.9f));
        g.draw(path);
        for (int i = 0; i < n; i++) {
            Double v = data.values().get(i);
            ChartData.Mark mark = data.marks().get(i);
            if (v == null || mark == null && i != last) {
                continue;
            }
            double r = mark == null ? 1.2 : 1.9;
            g.setColor(mark == null ? LINE : mark == ChartData.Mark.BETTER ? BETTER : mark == ChartData.Mark.WORSE ? WORSE : Color.GRAY);
            g.fill(new Ellipse2D.Double(x.applyAsDouble(i) - r, y.applyAsDouble(v) - r, 2 * r, 2 * r));
        }
    }

    /** {low, high} of the values and the target, with a floor on the span so small wiggles stay small. */
    private double[] range() {
        double[] v = data.values().stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) {
            return null;
        }
        double low = java.util.Arrays.stream(v).min().orElseThrow();
        double high = java.util.Arrays.stream(v).max().orElseThrow();
        if (data.target() != null) {
            low = Math.min(low, data.target());
            high = Math.max(high, data.target());
        }
        double span = Math.max(high - low, 0.2 * Math.abs(high));
        double mid = (low + high) / 2;
        return span == 0 ? new double[] {mid - 1, mid + 1} : new double[] {mid - span / 2, mid + span / 2};
    }
}
