package org.lhs.qi.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/** Hands a {@link ForestChart} to Jasper as vector graphics. */
public final class ForestRenderable extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;

    private final ForestData data;

    /** Renderable of the forest plot of {@code data}. */
    public ForestRenderable(ForestData data) {
        this.data = data;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        ForestChart.create(data).draw(graphics, area);
    }
}
