package org.lhs.qi.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/** Hands a {@link FunnelChart} to Jasper as vector graphics. */
public final class FunnelRenderable extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;

    private final FunnelData data;

    /** Renderable of the funnel of {@code data}. */
    public FunnelRenderable(FunnelData data) {
        this.data = data;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        FunnelChart.create(data).draw(graphics, area);
    }
}
