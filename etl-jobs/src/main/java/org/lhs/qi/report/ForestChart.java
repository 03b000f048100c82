package org.lhs.qi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws the equity forest plot with JFreeChart: one row per patient group, its ratio to the reference group as a
 * point with the 95% interval as a whisker on a log scale (a ratio of 2 and of ½ lie equally far from 1), a
 * reference line at 1, flagged disparities orange and flagged better groups blue. Reference groups show as a
 * hollow mark at 1; suppressed and not-compared groups are listed by name only.
 */
public final class ForestChart {

    /** Axis limits: ratios beyond 1/8 … 8 are drawn to the edge. */
    static final double MIN_RATIO = 0.125, MAX_RATIO = 8;

    private static final Color SIMILAR = new Color(0x1F4E79);
    private static final Color WORSE = new Color(0xE66100);
    private static final Color BETTER = new Color(0x1F78B4);
    private static final Color REFERENCE = new Color(0x4D4D4D);
    private static final Color TEXT = new Color(0x333333);
    private static final Color QUIET = new Color(0x8A96A3);

    private ForestChart() {}

    /** The chart of the given data. */
    public static JFreeChart create(ForestData data) {
        List<ForestData.Row> rows = data.rows();
        double[] range = logRange(rows);
        YIntervalSeriesCollection intervals = new YIntervalSeriesCollection();
        YIntervalSeries similar = new YIntervalSeries("not flagged", false, false);
        YIntervalSeries worse = new YIntervalSeries("disparity (worse)", false, false);
        YIntervalSeries better = new YIntervalSeries("better", false, false);
        XYSeries reference = new XYSeries("reference group", false);
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ForestData.Row r = rows.get(i);
            labels[i] = label(r);
            if (r.kind() == ForestData.Kind.REFERENCE) {
                reference.add(i, 0);
            } else if (r.plotted()) {
                double y = clip(Math.log10(r.ratio()), range);
                double low = r.low() == null ? y : clip(Math.log10(r.low()), range);
                double high = r.high() == null ? (r.low() == null ? y : range[1]) : clip(Math.log10(r.high()), range);
                (switch (r.kind()) {
                    case WORSE -> worse;
                    case BETTER -> better;
                    default -> similar;
                }).add(i, y, low, high);
            }
        }
        intervals.addSeries(similar);
        intervals.addSeries(worse);
        intervals.addSeries(better);

        XYErrorRenderer whiskers = new XYErrorRenderer();
        whiskers.setDrawXError(false);
        whiskers.setDrawYError(true);
        whiskers.setCapLength(3);
        whiskers.setErrorStroke(new BasicStroke(1.0f));
        Color[] colours = {SIMILAR, WORSE, BETTER};
        for (int s = 0; s < colours.length; s++) {
            whiskers.setSeriesPaint(s, colours[s]);
            whiskers.setSeriesShape(s, s == 0 ? new Ellipse2D.Double(-2.5, -2.5, 5, 5)
                    : new Rectangle2D.Double(-3.2, -3.2, 6.4, 6.4));
            whiskers.setSeriesLinesVisible(s, false);
            whiskers.setSeriesShapesVisible(s, true);
        }
        whiskers.setSeriesVisibleInLegend(1, !worse.isEmpty());
        whiskers.setSeriesVisibleInLegend(2, !better.isEmpty());

        XYLineAndShapeRenderer refRenderer = new XYLineAndShapeRenderer(false, true);
        refRenderer.setSeriesPaint(0, REFERENCE);
        refRenderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        refRenderer.setSeriesShapesFilled(0, false);
        refRenderer.setUseOutlinePaint(false);
        refRenderer.setSeriesVisibleInLegend(0, !reference.isEmpty());

        SymbolAxis groups = new SymbolAxis(null, labels);
        groups.setInverted(true);
        groups.setGridBandsVisible(false);
        groups.setRange(-0.7, Math.max(0.7, rows.size() - 0.3));
        groups.setTickLabelFont(TrendChart.font(Font.PLAIN, 6.5f));
        groups.setTickLabelPaint(TEXT);
        groups.setTickMarksVisible(false);
        groups.setAxisLineVisible(false);

        NumberAxis ratio = new NumberAxis(data.measure());
        ratio.setRange(range[0], range[1]);
        ratio.setTickUnit(new NumberTickUnit(Math.log10(2), new PowerOfTen()));
        ratio.setLabelFont(TrendChart.font(Font.PLAIN, 6.5f));
        ratio.setLabelPaint(TEXT);
        ratio.setTickLabelFont(TrendChart.font(Font.PLAIN, 6.5f));
        ratio.setTickLabelPaint(TEXT);

        XYPlot plot = new XYPlot(intervals, groups, ratio, whiskers);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDataset(1, new XYSeriesCollection(reference));
        plot.setRenderer(1, refRenderer);
        ValueMarker one = new ValueMarker(0, REFERENCE, new BasicStroke(0.8f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, 1f, new float[] {3f, 2f}, 0f));
        plot.addRangeMarker(one);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(new Color(0xEEF1F4));
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinePaint(new Color(0xE3E3E3));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, TrendChart.font(Font.PLAIN, 7f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 6));
        chart.getLegend().setItemFont(TrendChart.font(Font.PLAIN, 6.5f));
        chart.getLegend().setItemPaint(TEXT);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        return chart;
    }

    /** The row's axis label: headings in capitals, unplotted groups say why. */
    static String label(ForestData.Row r) {
        return switch (r.kind()) {
            case HEADING -> r.label().toUpperCase(Locale.UK);
            case REFERENCE -> r.label() + " (ref.)";
            case SUPPRESSED -> r.label() + " (n<11)";
            case NOT_COMPARED -> r.label() + " (–)";
            case SIMILAR, WORSE, BETTER -> r.label();
        };
    }

    /** {log10 low, log10 high} covering 1/2 … 2 and every plotted interval, within 1/8 … 8, whole powers of 2. */
    static double[] logRange(List<ForestData.Row> rows) {
        double low = 0.5;
        double high = 2;
        for (ForestData.Row r : rows) {
            if (r.plotted()) {
                low = Math.min(low, r.low() == null ? r.ratio() : r.low());
                high = Math.max(high, r.high() == null ? MAX_RATIO : r.high());
            }
        }
        double log2 = Math.log10(2);
        low = Math.max(MIN_RATIO, low);
        high = Math.min(MAX_RATIO, high);
        return new double[] {Math.floor(Math.log10(low) / log2 + 1e-9) * log2,
                Math.ceil(Math.log10(high) / log2 - 1e-9) * log2};
    }

    private static double clip(double v, double[] range) {
        return Math.max(range[0], Math.min(range[1], v));
    }

    /** Tick labels of a log10 axis as the ratios themselves: 0.25, 0.5, 1, 2, 4. */
    private static final class PowerOfTen extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat format = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.UK));

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(format.format(Math.pow(10, number)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are never parsed");
        }
    }
}
