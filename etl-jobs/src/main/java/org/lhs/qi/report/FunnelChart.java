package org.lhs.qi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the site-comparison funnel plot (Spiegelhalter 2005) with JFreeChart: the organisation rate as a
 * line, the 95% limits dashed and the 99.8% limits solid, sites as labelled points (orange outside 99.8%).
 */
public final class FunnelChart {

    private static final Color TARGET = new Color(0x4D4D4D);
    private static final Color LIMIT = new Color(0x7F8C99);
    private static final Color SITE = new Color(0x1F4E79);
    private static final Color OUTSIDE = new Color(0xE66100);
    private static final Color TEXT = new Color(0x333333);
    private static final Color OWN = new Color(0x6A3D9A);

    private FunnelChart() {}

    /** The chart of the given data. */
    public static JFreeChart create(FunnelData data) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries target = new XYSeries("Organisation", false);
        XYSeries l95 = new XYSeries("95% limits", false);
        XYSeries u95 = new XYSeries("upper 95", false);
        XYSeries l998 = new XYSeries("99.8% limits", false);
        XYSeries u998 = new XYSeries("upper 99.8", false);
        for (int i = 0; i < data.sizes().size(); i++) {
            double n = data.sizes().get(i);
            target.add(n, data.target());
            l95.add(n, data.lower95().get(i));
            u95.add(n, data.upper95().get(i));
            l998.add(n, data.lower998().get(i));
            u998.add(n, data.upper998().get(i));
        }
        lines.addSeries(target);
        lines.addSeries(l95);
        lines.addSeries(u95);
        lines.addSeries(l998);
        lines.addSeries(u998);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, TARGET);
        lineRenderer.setSeriesStroke(0, new BasicStroke(1.0f));
        BasicStroke dashed = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {3f, 2f}, 0f);
        for (int s = 1; s <= 2; s++) {
            lineRenderer.setSeriesPaint(s, LIMIT);
            lineRenderer.setSeriesStroke(s, dashed);
        }
        for (int s = 3; s <= 4; s++) {
            lineRenderer.setSeriesPaint(s, LIMIT);
            lineRenderer.setSeriesStroke(s, new BasicStroke(0.9f));
        }
        lineRenderer.setSeriesVisibleInLegend(2, false);
        lineRenderer.setSeriesVisibleInLegend(4, false);

        XYSeriesCollection points = new XYSeriesCollection();
        XYSeries inside = new XYSeries("Site", false);
        XYSeries outside = new XYSeries("Site outside 99.8%", false);
        XYSeries own = new XYSeries("This site", false);
        for (FunnelData.Site s : data.sites()) {
            (s.outside998() ? outside : inside).add(s.size(), s.value());
            if (s.highlight()) {
                own.add(s.size(), s.value());
            }
        }
        points.addSeries(inside);
        points.addSeries(outside);
        points.addSeries(own);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, SITE);
        pointRenderer.setSeriesPaint(1, OUTSIDE);
        for (int s = 0; s < 2; s++) {
            pointRenderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        // a site report's own site: a ring around its point, drawn over it
        pointRenderer.setSeriesPaint(2, OWN);
        pointRenderer.setSeriesShape(2, new Ellipse2D.Double(-6, -6, 12, 12));
        pointRenderer.setSeriesShapesFilled(2, false);
        pointRenderer.setSeriesStroke(2, new BasicStroke(1.6f));
        pointRenderer.setSeriesItemLabelsVisible(2, false);
        pointRenderer.setSeriesVisibleInLegend(1, !outside.isEmpty());
        pointRenderer.setSeriesVisibleInLegend(2, !own.isEmpty());
        pointRenderer.setDefaultItemLabelsVisible(true);
        pointRenderer.setDefaultItemLabelFont(TrendChart.font(Font.PLAIN, 6.5f));
        pointRenderer.setDefaultItemLabelPaint(TEXT);
        pointRenderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        // sites close together would have overlapping names: each point gets its number, the key names them
        pointRenderer.setDefaultItemLabelGenerator((dataset, series, item) -> {
            XYSeries s = ((XYSeriesCollection) dataset).getSeries(series);
            double x = s.getX(item).doubleValue();
            double y = s.getY(item).doubleValue();
            for (int i = 0; i < data.sites().size(); i++) {
                FunnelData.Site p = data.sites().get(i);
                if (p.size() == x && p.value() == y) {
                    return Integer.toString(i + 1);
                }
            }
            return "";
        });

        NumberAxis x = new NumberAxis(data.xLabel());
        NumberAxis y = new NumberAxis(data.yLabel());
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelFont(TrendChart.font(Font.PLAIN, 7f));
            a.setTickLabelFont(TrendChart.font(Font.PLAIN, 6.5f));
            a.setLabelPaint(TEXT);
            a.setTickLabelPaint(TEXT);
        }
        x.setAutoRangeIncludesZero(true);
        x.setUpperMargin(0.10);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(points, x, y, pointRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xE3E3E3));
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, TrendChart.font(Font.PLAIN, 7f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 8));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(TrendChart.font(Font.PLAIN, 6.5f));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        org.jfree.chart.title.TextTitle key = new org.jfree.chart.title.TextTitle(key(data),
                TrendChart.font(Font.PLAIN, 6.5f), TEXT, RectangleEdge.BOTTOM,
                org.jfree.chart.ui.HorizontalAlignment.CENTER, org.jfree.chart.ui.VerticalAlignment.CENTER,
                new RectangleInsets(1, 2, 1, 2));
        chart.addSubtitle(key);
        return chart;
    }

    /** "1 North General · 2 East Community (outside 99.8%) · …". */
    static String key(FunnelData data) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.sites().size(); i++) {
            FunnelData.Site s = data.sites().get(i);
            text.append(i == 0 ? "" : "  ·  ").append(i + 1).append(' ').append(s.name())
                    .append(s.outside998() ? " (outside 99.8%)" : "");
        }
        return text.toString();
    }
}
