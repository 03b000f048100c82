package org.lhs.qi.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/** Hands a {@link TrendChart} to Jasper as vector graphics: the PDF gets lines and glyph outlines, not pixels. */
public final class ChartRenderable extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;

    private final ChartData data;

    /** Renderable of the chart of {@code data}. */
    public ChartRenderable(ChartData data) {
        this.data = data;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        TrendChart.create(data).draw(graphics, area);
    }
}
