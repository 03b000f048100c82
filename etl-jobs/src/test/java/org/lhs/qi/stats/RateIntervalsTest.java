package org.lhs.qi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateIntervalsTest {

    /**
     * Exact Poisson limits as tabulated in Ulm K., Am J Epidemiol 1990;131:373-375 and in standard tables
     * (e.g. Sahai & Khurshid 1993): 0 → (0, 3.689), 1 → (0.0253, 5.572), 10 → (4.795, 18.390).
     */
    @Test
    void exactCountLimitsMatchPublishedTables() {
        assertCount(0.0, 3.6889, RateIntervals.exactPoissonCount(0, 0.95));
        assertCount(0.0253, 5.5716, RateIntervals.exactPoissonCount(1, 0.95));
        assertCount(4.7954, 18.3904, RateIntervals.exactPoissonCount(10, 0.95));
    }

    @Test
    void rateScalesCountLimitsByExposureAndMultiplier() {
        // 10 falls in 4,000 patient-days = 2.5 per 1,000; limits 4.7954/4 and 18.3904/4
        Interval rate = RateIntervals.exactPoissonRate(10, 4000, 1000, 0.95);
        assertEquals(1.19885, rate.low(), 1e-4);
        assertEquals(4.5976, rate.high(), 1e-4);
        assertEquals("poisson-exact", rate.method());
    }

    private static void assertCount(double low, double high, Interval actual) {
        assertEquals(low, actual.low(), 1e-3, "low");
        assertEquals(high, actual.high(), 1e-3, "high");
    }
}
