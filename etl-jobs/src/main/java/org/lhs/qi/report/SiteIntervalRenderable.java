package org.lhs.qi.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/** Hands a {@link SiteIntervalChart} to Jasper as vector graphics. */
public final class SiteIntervalRenderable extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;

    private final SiteIntervalData data;

    /** Renderable of the site interval chart of {@code data}. */
    public SiteIntervalRenderable(SiteIntervalData data) {
        this.data = data;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        SiteIntervalChart.create(data).draw(graphics, area);
    }
}
