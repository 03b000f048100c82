package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianRunChartTest {

    @Test
    void aSteadyClimbCrossesTheMedianTooRarely() {
        // 1..12: median 6.5, one crossing; Anhøj minimum for 12 useful points is the 5% quantile of Bin(11, ½):
        // P(X ≤ 2) = 67/2048 = 0.033, P(X ≤ 3) = 232/2048 = 0.113 → 3; 1 < 3. Longest run 6 ≤ round(log2 12 + 3) = 7.
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            values.add((double) i);
        }
        MedianRunChart chart = MedianRunChart.of(values, Improvement.DECREASE);
        assertThat(chart.status().code()).isEqualTo(SpcStatus.Code.MIXED);
        assertThat(chart.status().label()).isEqualTo("● special cause (non-random)");
        assertThat(chart.control().centre()).containsOnly(6.5);
        assertThat(chart.control().upper()).containsOnlyNulls();
        assertThat(chart.control().marks()).containsOnly(ChartData.Mark.UNDIRECTED);
    }

    @Test
    void aLongRunAboveTheMedianIsWorseWhenLowerIsBetter() {
        // 8 × 5, then 6..13, then 1: median 5 (9th of 17); the 8 points on it do not count: 9 useful points,
        // a run of 8 above > round(log2 9 + 3) = 6, and 1 crossing < 2 (5% quantile of Bin(8, ½): 9/256, 37/256)
        List<Double> values = new ArrayList<>(Collections.nCopies(8, 5.0));
        for (int v = 6; v <= 13; v++) {
            values.add((double) v);
        }
        values.add(1.0);
        MedianRunChart chart = MedianRunChart.of(values, Improvement.DECREASE);
        assertThat(chart.status().code()).isEqualTo(SpcStatus.Code.WORSE);
        assertThat(chart.status().label()).isEqualTo("▲ special cause (worse)");
        List<ChartData.Mark> marks = chart.control().marks();
        assertThat(marks.subList(8, 16)).containsOnly(ChartData.Mark.WORSE);
        assertThat(marks.subList(0, 8)).containsOnly(ChartData.Mark.UNDIRECTED);
        assertThat(marks.get(16)).isEqualTo(ChartData.Mark.UNDIRECTED);
        assertThat(MedianRunChart.of(values, Improvement.INCREASE).status().label()).isEqualTo("▲ special cause (better)");
    }

    @Test
    void alternatingMonthsAreCommonCauseAndSuppressedMonthsAreLeftOut() {
        // 200, 210, 200, 210 …: 11 crossings of 205; a 13th, suppressed month (null) keeps its place without a centre
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add(i % 2 == 0 ? 200.0 : 210.0);
        }
        values.add(null);
        MedianRunChart chart = MedianRunChart.of(values, Improvement.DECREASE);
        assertThat(chart.status().code()).isEqualTo(SpcStatus.Code.COMMON_CAUSE);
        assertThat(chart.control().centre().get(12)).isNull();
        assertThat(chart.control().centre().get(0)).isEqualTo(205.0);
        assertThat(chart.control().marks()).containsOnlyNulls();
    }

    @Test
    void fewerThanTenMonthsGetNoChart() {
        List<Double> values = Arrays.asList(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, null, null, null);
        MedianRunChart chart = MedianRunChart.of(values, Improvement.DECREASE);
        assertThat(chart.control()).isNull();
        assertThat(chart.status().code()).isEqualTo(SpcStatus.Code.NONE);
    }
}
