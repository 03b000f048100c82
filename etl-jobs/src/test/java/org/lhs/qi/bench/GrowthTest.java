package org.lhs.qi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthTest {

    @Test
    void tenfoldSizeGivesTheRatioItself() {
        assertThat(Growth.per10x(10_000, 12.0, 100_000, 132.0)).isCloseTo(11.0, within(1e-9));
    }

    @Test
    void otherStepsAreScaledToATenfoldStep() {
        // 10k → 40k with time ×4 is linear: 4^(1/log10(4)) = 10
        assertThat(Growth.per10x(10_000, 5.0, 40_000, 20.0)).isCloseTo(10.0, within(1e-9));
        // 100× size with time ×10 000 (quadratic) is 100 per 10×
        assertThat(Growth.per10x(1_000, 1.0, 100_000, 10_000.0)).isCloseTo(100.0, within(1e-6));
    }

    @Test
    void undefinedForZeroTimesOrNonIncreasingSizes() {
        assertThat(Growth.per10x(10_000, 0.0, 100_000, 3.0)).isNaN();
        assertThat(Growth.per10x(10_000, 1.0, 10_000, 3.0)).isNaN();
    }

    @Test
    void growthBetweenConsecutiveSizesIsReportedAtTheLargerSize() {
        List<Metric> metrics = List.of(
                new Metric(10_000, "end_to_end", 20.0, "s"),
                new Metric(100_000, "end_to_end", 150.0, "s"),
                new Metric(1_000_000, "end_to_end", 1800.0, "s"),
                new Metric(10_000, "jvm.heap_peak", 300.0, "MB"));
        assertThat(Growth.of(metrics, List.of("end_to_end"))).containsExactly(
                new Metric(100_000, "growth.end_to_end", 7.5, Growth.UNIT),
                new Metric(1_000_000, "growth.end_to_end", 12.0, Growth.UNIT));
    }
}
