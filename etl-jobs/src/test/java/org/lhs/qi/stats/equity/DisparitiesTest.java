package org.lhs.qi.stats.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.Improvement;
import org.lhs.qi.stats.Interval;

class DisparitiesTest {

    /**
     * Newcombe RG, Interval estimation for the difference between independent proportions: comparison of
     * eleven methods, Stat Med 1998;17:873-890, Table II, method 10 (hybrid score).
     */
    @Test
    void differenceIntervalMatchesNewcombeTableTwo() {
        assertInterval(0.0524, 0.3339, Disparities.newcombeDifference(g(56, 70), g(48, 80), 0.95));
        assertInterval(0.1705, 0.8090, Disparities.newcombeDifference(g(9, 10), g(3, 10), 0.95));
        assertInterval(-0.0381, 0.1926, Disparities.newcombeDifference(g(5, 56), g(0, 29), 0.95));
        assertInterval(-0.1611, 0.2775, Disparities.newcombeDifference(g(0, 10), g(0, 20), 0.95));
        assertInterval(-0.2775, 0.2775, Disparities.newcombeDifference(g(0, 10), g(0, 10), 0.95));
        assertInterval(0.6791, 1.0000, Disparities.newcombeDifference(g(10, 10), g(0, 20), 0.95));
        assertInterval(0.6075, 1.0000, Disparities.newcombeDifference(g(10, 10), g(0, 10), 0.95));
    }

    /**
     * Katz log interval worked by hand for 56/70 vs 48/80: RR = 0.8/0.6 = 1.33333;
     * SE = √(1/56 − 1/70 + 1/48 − 1/80) = √0.0119048 = 0.109109; exp(ln 1.33333 ± 1.959964·0.109109)
     * = 1.07663 .. 1.65125.
     */
    @Test
    void ratioIntervalByHand() {
        Interval rr = Disparities.katzRatio(g(56, 70), g(48, 80), 0.95);
        assertInterval(1.07663, 1.65125, rr);
        assertNull(Disparities.katzRatio(g(0, 10), g(3, 10), 0.95));
    }

    /**
     * Three groups: A 60/200 = 0.30, B 20/100 = 0.20, C 10/100 = 0.10. Index of disparity against A (Pearcy &
     * Keppel 2002): ((0.10 + 0.20)/2)/0.30 × 100 = 50%. Between-group variance (Harper & Lynch 2005) around the
     * total rate 90/400 = 0.225 with weights ½, ¼, ¼: ½·0.075² + ¼·0.025² + ¼·0.125² = 0.006875.
     */
    @Test
    void summaryMeasuresByHand() {
        DisparityResult r = Disparities.compare(THREE, ReferenceChoice.largest(), Improvement.INCREASE);
        assertEquals("A", r.reference().group());
        assertEquals(50.0, r.summary().indexOfDisparity(), 1e-9);
        assertEquals(0.006875, r.summary().betweenGroupVariance(), 1e-12);
    }

    @Test
    void flagsSignificantAndMaterialDisparities() {
        DisparityResult r = Disparities.compare(THREE, ReferenceChoice.largest(), Improvement.INCREASE);
        Disparity b = r.disparities().get(0);
        Disparity c = r.disparities().get(1);
        // B − A = −0.10, Newcombe interval −0.1943..0.0068 includes 0: not significant
        assertEquals(-0.10, b.difference(), 1e-12);
        assertFalse(b.significant());
        assertEquals(Comparison.SIMILAR, b.comparison());
        // C − A = −0.20, interval −0.2804..−0.1049; RR = 1/3: flagged, worse when higher is better
        assertTrue(c.flagged());
        assertEquals(1.0 / 3, c.ratio(), 1e-12);
        assertEquals(Comparison.WORSE, c.comparison());
        assertEquals(Comparison.BETTER,
                Disparities.compare(g(10, 100), g(60, 200), Improvement.DECREASE).comparison());
    }

    @Test
    void significantButSmallRelativeDifferenceIsNotFlagged() {
        // 9,500/10,000 vs 10,000/10,000: interval −0.0544..−0.0459 excludes 0, but RR = 0.95
        Disparity d = Disparities.compare(g(9500, 10000), g(10000, 10000), Improvement.INCREASE);
        assertTrue(d.significant());
        assertFalse(d.flagged());
        assertEquals(Comparison.SIMILAR, d.comparison());
    }

    @Test
    void referenceChoices() {
        assertEquals("A", Disparities.compare(THREE, ReferenceChoice.mostFavourable(), Improvement.INCREASE)
                .reference().group());
        assertEquals("C", Disparities.compare(THREE, ReferenceChoice.mostFavourable(), Improvement.DECREASE)
                .reference().group());
        DisparityResult named = Disparities.compare(THREE, new ReferenceChoice.Named("B"), Improvement.INCREASE);
        assertEquals("B", named.reference().group());
        assertEquals(List.of("A", "C"), named.disparities().stream().map(d -> d.group().group()).toList());
        // against B (0.20): ((0.10 + 0.10)/2)/0.20 × 100 = 50%
        assertEquals(50.0, named.summary().indexOfDisparity(), 1e-9);
    }

    private static final List<GroupRate> THREE = List.of(new GroupRate("A", 60, 200), new GroupRate("B", 20, 100),
            new GroupRate("C", 10, 100));

    private static GroupRate g(long events, long denominator) {
        return new GroupRate("g" + events + "/" + denominator, events, denominator);
    }

    private static void assertInterval(double low, double high, Interval actual) {
        assertEquals(low, actual.low(), 5e-5, "low");
        assertEquals(high, actual.high(), 5e-5, "high");
    }
}
