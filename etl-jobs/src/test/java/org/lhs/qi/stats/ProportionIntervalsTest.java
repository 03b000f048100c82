package org.lhs.qi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProportionIntervalsTest {

    /** Newcombe RG. Two-sided confidence intervals for the single proportion. Stat Med 1998, Table I, method 3. */
    @Test
    void wilsonMatchesNewcombeTableOne() {
        assertInterval(0.2553, 0.3662, ProportionIntervals.wilson(81, 263, 0.95));
        assertInterval(0.0624, 0.1605, ProportionIntervals.wilson(15, 148, 0.95));
        assertInterval(0.0000, 0.1611, ProportionIntervals.wilson(0, 20, 0.95));
        assertInterval(0.0061, 0.1718, ProportionIntervals.wilson(1, 29, 0.95));
    }

    @Test
    void wilsonIsSymmetricAndReachesOneForAllSuccesses() {
        Interval all = ProportionIntervals.wilson(20, 20, 0.95);
        assertInterval(1 - 0.1611, 1.0, all);
        assertEquals("wilson", all.method());
    }

    /** Newcombe RG, Stat Med 1998;17:857-872, Table I, method 5 (exact, Clopper-Pearson). */
    @Test
    void clopperPearsonMatchesNewcombeTableOne() {
        assertInterval(0.2527, 0.3676, ProportionIntervals.clopperPearson(81, 263, 0.95));
        assertInterval(0.0578, 0.1617, ProportionIntervals.clopperPearson(15, 148, 0.95));
        assertInterval(0.0000, 0.1684, ProportionIntervals.clopperPearson(0, 20, 0.95));
        assertInterval(0.0009, 0.1776, ProportionIntervals.clopperPearson(1, 29, 0.95));
    }

    /** For x = 0 the exact upper bound has the closed form 1 − (α/2)^(1/n) (Clopper & Pearson 1934). */
    @Test
    void clopperPearsonZeroAndAllSuccessesUseClosedForm() {
        Interval none = ProportionIntervals.clopperPearson(0, 20, 0.95);
        assertEquals(0.0, none.low());
        assertEquals(1 - Math.pow(0.025, 1.0 / 20), none.high(), 1e-9);
        Interval all = ProportionIntervals.clopperPearson(20, 20, 0.95);
        assertEquals(Math.pow(0.025, 1.0 / 20), all.low(), 1e-9);
        assertEquals(1.0, all.high());
        assertEquals("clopper-pearson", all.method());
    }

    @Test
    void zForNinetyFivePercent() {
        assertEquals(1.959964, ProportionIntervals.z(0.95), 1e-6);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> ProportionIntervals.wilson(3, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ProportionIntervals.wilson(0, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ProportionIntervals.clopperPearson(-1, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ProportionIntervals.clopperPearson(1, 2, 1.0));
    }

    private static void assertInterval(double low, double high, Interval actual) {
        assertEquals(low, actual.low(), 5e-5, "low");
        assertEquals(high, actual.high(), 5e-5, "high");
    }
}
