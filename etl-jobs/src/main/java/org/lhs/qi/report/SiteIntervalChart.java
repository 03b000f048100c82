package org.lhs.qi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Draws the site comparison of a continuous-variable indicator: one row per site with its value (dot) and 95%
 * interval (line), the organisation value as a solid vertical line and the target dashed. The audience's own site
 * (on a site report) is drawn in the primary colour, the others in grey.
 */
public final class SiteIntervalChart {

    private static final Color HIGHLIGHT = new Color(0x1F4E79);
    private static final Color OTHER = new Color(0x7F8C99);
    private static final Color REFERENCE = new Color(0x4D4D4D);
    private static final Color TARGET = new Color(0xC0392B);
    private static final Color TEXT = new Color(0x333333);

    private SiteIntervalChart() {}

    /** The chart of the given data. */
    public static JFreeChart create(SiteIntervalData data) {
        List<SiteIntervalData.Site> sites = data.sites();
        boolean anyHighlight = sites.stream().anyMatch(SiteIntervalData.Site::highlight);
        XYIntervalSeries main = new XYIntervalSeries(anyHighlight ? "This site" : data.itemLabel() + " (95% interval)");
        XYIntervalSeries others = new XYIntervalSeries("Other sites");
        // first site at the top: y counts down
        for (int i = 0; i < sites.size(); i++) {
            SiteIntervalData.Site s = sites.get(i);
            double y = sites.size() - 1 - i;
            (s.highlight() || !anyHighlight ? main : others).add(s.value(), s.low(), s.high(), y, y, y);
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(main);
        dataset.addSeries(others);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setDefaultLinesVisible(false);
        renderer.setErrorStroke(new BasicStroke(1.4f));
        renderer.setCapLength(4);
        renderer.setErrorPaint(null); // each series' own colour
        renderer.setSeriesPaint(0, HIGHLIGHT);
        renderer.setSeriesPaint(1, OTHER);
        for (int s = 0; s < 2; s++) {
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesShapesVisible(s, true);
        }
        renderer.setSeriesVisibleInLegend(1, anyHighlight && !others.isEmpty());

        String[] names = new String[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            names[sites.size() - 1 - i] = sites.get(i).name();
        }
        SymbolAxis y = new SymbolAxis(null, names);
        y.setTickLabelFont(TrendChart.font(Font.PLAIN, 6.5f));
        y.setTickLabelPaint(TEXT);
        y.setGridBandsVisible(false);
        y.setRange(-0.7, sites.size() - 0.3);
        y.setAxisLineVisible(false);
        y.setTickMarksVisible(false);
        NumberAxis x = new NumberAxis(data.axisLabel());
        x.setLabelFont(TrendChart.font(Font.PLAIN, 7f));
        x.setTickLabelFont(TrendChart.font(Font.PLAIN, 6.5f));
        x.setLabelPaint(TEXT);
        x.setTickLabelPaint(TEXT);
        x.setAutoRangeIncludesZero(false);
        double[] range = range(data);
        x.setRange(range[0], range[1]);

        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(new Color(0xE3E3E3));
        plot.setRangeGridlinesVisible(false);
        ValueMarker reference = new ValueMarker(data.reference(), REFERENCE, new BasicStroke(1.0f));
        plot.addDomainMarker(reference);
        if (data.target() != null) {
            plot.addDomainMarker(new ValueMarker(data.target(), TARGET, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f)));
        }
        JFreeChart chart = new JFreeChart(null, TrendChart.font(Font.PLAIN, 7f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 8));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(TrendChart.font(Font.PLAIN, 6.5f));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        // the reference and target lines are markers, not series: name them under the legend
        String key = "solid line: " + data.referenceLabel()
                + (data.target() == null ? "" : "  ·  dashed red: " + data.targetLabel());
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(key, TrendChart.font(Font.PLAIN, 6.5f), TEXT,
                RectangleEdge.BOTTOM, org.jfree.chart.ui.HorizontalAlignment.CENTER,
                org.jfree.chart.ui.VerticalAlignment.CENTER, new RectangleInsets(1, 2, 1, 2)));
        return chart;
    }

    /** The value axis range: every interval, the reference and the target, with 8% air on each side. */
    static double[] range(SiteIntervalData data) {
        double low = data.reference();
        double high = data.reference();
        for (SiteIntervalData.Site s : data.sites()) {
            low = Math.min(low, s.low());
            high = Math.max(high, s.high());
        }
        if (data.target() != null) {
            low = Math.min(low, data.target());
            high = Math.max(high, data.target());
        }
        double air = Math.max((high - low) * 0.08, Math.abs(high) * 0.02 + 1e-9);
        return new double[] {Math.max(0, low - air), high + air};
    }
}
