package org.lhs.qi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContinuousIntervalsTest {

    /**
     * Student's sleep data (R dataset {@code sleep}): differences group 2 − group 1 for the 10 patients.
     * The example in R's {@code ?t.test}, {@code with(sleep, t.test(extra[group == 1], extra[group == 2],
     * paired = TRUE))}, prints mean difference −1.58 with 95% interval −2.4598858 to −0.7001142 (group 1 − 2).
     */
    private static final double[] SLEEP_DIFFERENCES = {1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4};

    @Test
    void meanTIntervalMatchesRSleepExample() {
        Estimate mean = ContinuousIntervals.meanT(SLEEP_DIFFERENCES, 0.95);
        assertEquals(1.58, mean.value(), 1e-12);
        assertEquals(0.7001142, mean.interval().low(), 1e-6);
        assertEquals(2.4598858, mean.interval().high(), 1e-6);
        assertEquals("t", mean.interval().method());
    }

    /**
     * Ranks of the distribution-free 95% interval for a median as tabulated by Altman et al. (Statistics with
     * Confidence, 2nd ed., Table 18.4) and Conover (Table A3): n = 10 → x(2)..x(9), exact level 97.9%;
     * n = 20 → x(6)..x(15), 95.9%; n = 30 → x(10)..x(21), 95.7%; n = 50 → x(18)..x(33), 96.7%.
     */
    @Test
    void medianRanksMatchPublishedTable() {
        assertRanks(10, 2, 9, 0.979);
        assertRanks(20, 6, 15, 0.959);
        assertRanks(30, 10, 21, 0.957);
        assertRanks(50, 18, 33, 0.967);
    }

    @Test
    void medianIntervalTakesTheOrderStatistics() {
        // sorted: 0.0 0.8 1.0 1.2 1.3 1.3 1.4 1.8 2.4 4.6 → median 1.3, interval x(2)..x(9) = 0.8..2.4
        MedianEstimate median = ContinuousIntervals.medianOrderStatistic(SLEEP_DIFFERENCES, 0.95);
        assertEquals(1.3, median.median(), 1e-12);
        assertEquals(0.8, median.interval().low(), 1e-12);
        assertEquals(2.4, median.interval().high(), 1e-12);
    }

    @Test
    void tooSmallSampleGetsFullRangeWithItsTrueLevel() {
        // n = 5: even x(1)..x(5) covers only 1 − 2/32 = 93.75% < 95%
        MedianEstimate median = ContinuousIntervals.medianOrderStatistic(new double[] {5, 1, 4, 2, 3}, 0.95);
        assertEquals(3, median.median());
        assertEquals(1, median.interval().low());
        assertEquals(5, median.interval().high());
        assertEquals(0.9375, median.achievedConfidence(), 1e-12);
    }

    @Test
    void rejectsTooFewValues() {
        assertThrows(IllegalArgumentException.class, () -> ContinuousIntervals.meanT(new double[] {1}, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> ContinuousIntervals.medianOrderStatistic(new double[0], 0.95));
    }

    private static void assertRanks(int n, int lower, int upper, double level) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = n - i; // reversed, so sorting matters; x(k) = k
        }
        MedianEstimate median = ContinuousIntervals.medianOrderStatistic(values, 0.95);
        assertEquals(lower, median.lowerRank(), "lower rank for n=" + n);
        assertEquals(upper, median.upperRank(), "upper rank for n=" + n);
        assertEquals(lower, median.interval().low());
        assertEquals(upper, median.interval().high());
        assertEquals(level, median.achievedConfidence(), 5e-4, "level for n=" + n);
    }
}
