package org.lhs.qi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontUtil;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.CategoryStepRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws an indicator's 12-month control chart with JFreeChart: the audience's rate line, the target as a
 * dashed reference line, and (when the summarise step stored a chart) the centre line, the per-month 3σ limits
 * as step lines and the special-cause months as coloured markers; comparison lines, when given, are
 * quieter. Built in code rather than as a JRXML chart so that gaps for suppressed months, the target line and the styling are fully under our control.
 */
public final class TrendChart {

    static final String FONT = "DejaVu Sans";
    private static final Color PRIMARY = new Color(0x1F4E79);
    private static final Color COMPARISON = new Color(0x8C8C8C);
    private static final Color TARGET = new Color(0xC0392B);
    private static final Color CENTRE = new Color(0x4D4D4D);
    private static final Color LIMIT = new Color(0x7F8C99);
    /** Special-cause colours (as in NHS "Making data count"): orange for concern, blue for improvement. */
    private static final Color WORSE = new Color(0xE66100);
    private static final Color BETTER = new Color(0x1F78B4);
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color BREAK = new Color(0x6A3D9A);
    private static final Color TEXT = new Color(0x333333);
    /** Okabe–Ito colours: distinguishable with colour-vision deficiency. */
    private static final List<Color> SITE_COLOURS = List.of(new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0x999933), new Color(0x0072B2));

    private TrendChart() {}

    /** The chart of the given data. */
    public static JFreeChart create(ChartData data) {
        if (data.series().stream().allMatch(s -> s.values().stream().allMatch(Objects::isNull))) {
            return empty(data);
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<ChartData.Series> all = data.seriesWithTarget();
        for (ChartData.Series s : all) {
            for (int i = 0; i < data.months().size(); i++) {
                dataset.addValue(s.values().get(i), s.name(), data.months().get(i));
            }
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        int site = 0;
        for (int i = 0; i < all.size(); i++) {
            ChartData.Series s = all.get(i);
            switch (s.emphasis()) {
                case PRIMARY -> style(renderer, i, PRIMARY, new BasicStroke(2.2f), 4.5);
                case COMPARISON -> style(renderer, i, COMPARISON, dashed(1.4f, 4f), 3.0);
                case SITE -> style(renderer, i, SITE_COLOURS.get(site++ % SITE_COLOURS.size()), new BasicStroke(1.1f), 2.6);
                case TARGET -> {
                    style(renderer, i, TARGET, dashed(1.4f, 6f), 0);
                    renderer.setSeriesShapesVisible(i, false);
                }
            }
        }
        renderer.setDefaultItemLabelsVisible(false);

        CategoryAxis months = new CategoryAxis(null);
        months.setTickLabelFont(font(Font.PLAIN, 7.5f));
        months.setTickLabelPaint(TEXT);
        months.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        months.setLowerMargin(0.01);
        months.setUpperMargin(0.01);
        months.setAxisLinePaint(COMPARISON);
        months.setTickMarksVisible(false);

        NumberAxis values = new NumberAxis(data.valueAxisLabel());
        values.setLabelFont(font(Font.PLAIN, 7.5f));
        values.setLabelPaint(TEXT);
        values.setTickLabelFont(font(Font.PLAIN, 7.5f));
        values.setTickLabelPaint(TEXT);
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);
        double[] range = valueRange(data);
        values.setRange(range[0], range[1]);

        CategoryPlot plot = new CategoryPlot(dataset, months, values, renderer);
        if (data.control() != null) {
            addControl(plot, data);
        }
        addBreaks(plot, data);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, font(Font.PLAIN, 8f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 2, 2, 8));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(font(Font.PLAIN, 7.5f));
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    /** Message when not one month can be drawn: a bare target line on an empty axis would read like data. */
    static final String NO_MONTHS = "No month to chart: every month is suppressed (fewer than 11) or has no data.";

    private static JFreeChart empty(ChartData data) {
        DefaultCategoryDataset nothing = new DefaultCategoryDataset();
        CategoryPlot plot = new CategoryPlot(nothing, new CategoryAxis(null), new NumberAxis(data.valueAxisLabel()),
                new LineAndShapeRenderer());
        plot.setNoDataMessage(NO_MONTHS);
        plot.setNoDataMessageFont(font(Font.PLAIN, 8f));
        plot.setNoDataMessagePaint(TEXT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, font(Font.PLAIN, 8f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Adds the centre line and 3σ limits as step lines and the special-cause
     * points as large markers (drawn over them): orange for worse, blue for better, grey without direction.
     */
    private static void addControl(CategoryPlot plot, ChartData data) {
        ChartData.Control control = data.control();
        List<String> labels = data.months();
        DefaultCategoryDataset limits = new DefaultCategoryDataset();
        // a run chart (of medians) has a centre line but no limits: nothing to name in the legend
        boolean limited = control.upper().stream().anyMatch(Objects::nonNull);
        for (int i = 0; i < labels.size(); i++) {
            limits.addValue(control.centre().get(i), limited ? "Centre line" : "Centre line (median of months)",
                    labels.get(i));
            limits.addValue(control.upper().get(i), "Control limits (3σ-equivalent)", labels.get(i));
            limits.addValue(control.lower().get(i), "lower limit", labels.get(i));
        }
        CategoryStepRenderer steps = new CategoryStepRenderer(false);
        steps.setSeriesPaint(0, CENTRE);
        steps.setSeriesStroke(0, new BasicStroke(1.0f));
        steps.setSeriesPaint(1, LIMIT);
        steps.setSeriesStroke(1, dashed(0.9f, 3f));
        steps.setSeriesPaint(2, LIMIT);
        steps.setSeriesStroke(2, dashed(0.9f, 3f));
        steps.setSeriesVisibleInLegend(2, false);
        steps.setSeriesVisibleInLegend(1, limited);

        DefaultCategoryDataset marks = new DefaultCategoryDataset();
        List<Double> rates = data.series().getFirst().values();
        List<ChartData.Mark> present = control.marks().stream().filter(Objects::nonNull).distinct().sorted().toList();
        for (ChartData.Mark mark : present) {
            for (int i = 0; i < labels.size(); i++) {
                marks.addValue(mark == control.marks().get(i) ? rates.get(i) : null, markLabel(mark), labels.get(i));
            }
        }
        LineAndShapeRenderer markers = new LineAndShapeRenderer(false, true);
        for (int i = 0; i < present.size(); i++) {
            Color colour = switch (present.get(i)) {
                case WORSE -> WORSE;
                case BETTER -> BETTER;
                case UNDIRECTED -> COMPARISON;
            };
            markers.setSeriesPaint(i, colour);
            markers.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4.5, -4.5, 9, 9));
        }
        plot.setDataset(1, limits);
        plot.setRenderer(1, steps);
        plot.setDataset(2, marks);
        plot.setRenderer(2, markers);
        // rates, then the thin limits, then the markers on top (and the legend in that order)
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    /**
     * A vertical dashed line at the first month of each new definition, labelled at the top ("definition v2"):
     * the centre line and limits restart there, and earlier months are not comparable one-to-one.
     */
    private static void addBreaks(CategoryPlot plot, ChartData data) {
        for (ChartData.Break b : data.breaks()) {
            org.jfree.chart.plot.CategoryMarker marker = new org.jfree.chart.plot.CategoryMarker(
                    data.months().get(b.month()), BREAK, dashed(1.0f, 3f));
            marker.setDrawAsLine(true);
            marker.setLabel(b.label());
            marker.setLabelFont(font(Font.BOLD, 7f));
            marker.setLabelPaint(BREAK);
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(2, 4, 2, 2));
            plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
        }
    }

    private static String markLabel(ChartData.Mark mark) {
        return switch (mark) {
            case WORSE -> "Special cause (worse)";
            case BETTER -> "Special cause (better)";
            case UNDIRECTED -> "Special cause";
        };
    }

    /**
     * The value axis range {low, high}: all values and the target with some air, widened so that a span
     * under a quarter of the maximum is not blown up into dramatic swings, rounded to a tick step, never below 0.
     */
    static double[] valueRange(ChartData data) {
        java.util.stream.Stream<Double> all = data.seriesWithTarget().stream().flatMap(s -> s.values().stream());
        if (data.control() != null) {
            all = java.util.stream.Stream.of(all, data.control().centre().stream(), data.control().upper().stream(),
                    data.control().lower().stream()).flatMap(x -> x);
        }
        double[] values = all.filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        if (values.length == 0) {
            return new double[] {0, 1};
        }
        double min = java.util.Arrays.stream(values).min().orElseThrow();
        double max = java.util.Arrays.stream(values).max().orElseThrow();
        double span = Math.max(max - min, 0.25 * Math.abs(max));
        if (span == 0) {
            span = 1;
        }
        double low = Math.max(0, min - 0.15 * span);
        double high = max + 0.15 * span;
        double step = niceStep((high - low) / 5);
        return new double[] {Math.floor(low / step) * step, Math.ceil(high / step) * step};
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 2.5, 5}) {
            if (f * magnitude >= raw) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static void style(LineAndShapeRenderer r, int series, Color colour, Stroke stroke, double size) {
        r.setSeriesPaint(series, colour);
        r.setSeriesStroke(series, stroke);
        r.setSeriesShape(series, new java.awt.geom.Ellipse2D.Double(-size / 2, -size / 2, size, size));
        r.setSeriesShapesVisible(series, true);
    }

    private static Stroke dashed(float width, float dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {dash, dash * 0.6f}, 0f);
    }

    /** DejaVu Sans from the jasperreports-fonts bundle, so charts need no system fonts. */
    static Font font(int style, float size) {
        Font font = FontUtil.getInstance(DefaultJasperReportsContext.getInstance())
                .getAwtFontFromBundles(FONT, style, size, Locale.UK, true);
        return font != null ? font : new Font(FONT, style, Math.round(size)).deriveFont(size);
    }
}
