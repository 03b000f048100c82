package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static ChartData data(Double target, Double... values) {
        List<String> months = java.util.stream.IntStream.range(0, values.length).mapToObj(i -> "M" + i).toList();
        return new ChartData("Rate (%)", months, List.of(new ChartData.Series("Org", Arrays.asList(values),
                ChartData.Emphasis.PRIMARY)), target, target == null ? null : "Target");
    }

    @Test
    void valueRangeIncludesTheTargetAndRoundsToTicks() {
        // values 22–27, target 15: span 12 → [13.2, 28.8] → step 5 → [10, 30]
        assertThat(TrendChart.valueRange(data(15.0, 22.0, 27.0, null, 25.0))).containsExactly(10.0, 30.0);
    }

    @Test
    void aNarrowSpanIsWidenedAndNeverGoesBelowZero() {
        // 68–69, no target: span widened to 0.25 × 69 = 17.25 → [65.41, 71.59]; (71.59 − 65.41) / 5 = 1.24 → step 2
        assertThat(TrendChart.valueRange(data(null, 68.0, 69.0))).containsExactly(64.0, 72.0);
        assertThat(TrendChart.valueRange(data(1.0, 0.0, 0.5))[0]).isZero();
        assertThat(TrendChart.valueRange(data(null, (Double) null))).containsExactly(0.0, 1.0);
    }

    @Test
    void aChartWithoutOneReportableMonthSaysSoInsteadOfDrawingABareTarget() {
        JFreeChart chart = TrendChart.create(data(1.0, null, null, null));
        assertThat(chart.getCategoryPlot().getDataset().getRowCount()).isZero();
        assertThat(chart.getCategoryPlot().getNoDataMessage()).isEqualTo(TrendChart.NO_MONTHS);
        assertThat(chart.getLegend()).isNull();
        assertThat(chart.createBufferedImage(400, 200)).isNotNull();
    }

    @Test
    void theTargetIsALegendSeriesAndGapsStayGaps() {
        ChartData d = data(15.0, 22.0, null, 25.0);
        assertThat(d.seriesWithTarget()).hasSize(2);
        assertThat(d.seriesWithTarget().get(1).values()).containsExactly(15.0, 15.0, 15.0);
        JFreeChart chart = TrendChart.create(d);
        assertThat(chart.getCategoryPlot().getDataset().getValue("Org", "M1")).isNull();
        assertThat(chart.getCategoryPlot().getDataset().getRowCount()).isEqualTo(2);
        BufferedImage image = chart.createBufferedImage(400, 200); // draws without fonts from the system
        assertThat(image.getWidth()).isEqualTo(400);
    }
}
