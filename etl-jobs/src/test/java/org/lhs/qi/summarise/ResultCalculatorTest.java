package org.lhs.qi.summarise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.SuppressionRule;

class ResultCalculatorTest {

    private final ResultCalculator calculator = new ResultCalculator(new SuppressionRule(11));
    private final IndicatorScoring hba1c = new IndicatorScoring("hba1c", "1", "h", "proportion", 1, 0.15, "decrease");
    private final IndicatorScoring falls = new IndicatorScoring("falls", "1", "h", "ratio", 1000, 1.0, "decrease");

    @Test
    void proportionSubtractsExclusionsAndExceptionsAndUsesWilson() {
        // DEN 300, DENEX 30, DENEXCEP 7 → 263 eligible; NUM 85, NUMEX 4 → 81 (Newcombe's 81/263)
        ResultCell r = calculator.calculate(hba1c, counts(310, 300, 30, 7, 85, 4, 0, 0));
        assertEquals(263, r.denominator());
        assertEquals(81, r.numerator());
        assertEquals(81.0 / 263, r.rate(), 1e-12);
        assertEquals(0.2553, r.ciLow(), 5e-5);
        assertEquals(0.3662, r.ciHigh(), 5e-5);
        assertFalse(r.suppressed());
        assertFalse(r.meetsTarget(), "30.8% is above the 15% ceiling of a lower-is-better indicator");
    }

    @Test
    void cohortIsTheInitialPopulationCountWithoutRate() {
        IndicatorScoring cohort = new IndicatorScoring("stays", "1", "h", "cohort", 1, null, "increase");
        ResultCell r = calculator.calculate(cohort, counts(42, 42, 0, 0, 0, 0, 0, 0));
        assertEquals(42, r.denominator());
        assertEquals(0, r.numerator());
        assertEquals(null, r.rate());
        assertFalse(r.suppressed());
        assertTrue(calculator.calculate(cohort, counts(10, 10, 0, 0, 0, 0, 0, 0)).suppressed());
    }

    @Test
    void proportionBelowElevenIsSuppressedWithoutRate() {
        ResultCell r = calculator.calculate(hba1c, counts(12, 12, 2, 0, 3, 0, 0, 0));
        assertEquals(10, r.denominator());
        assertTrue(r.suppressed());
        assertNull(r.rate());
        assertNull(r.ciLow());
        assertNull(r.meetsTarget());
        assertEquals("denominator below 11", r.suppressionReason());
    }

    @Test
    void elevenIsShownWhenNeitherNumeratorNorItsComplementIsSmall() {
        assertFalse(calculator.calculate(hba1c, counts(11, 11, 0, 0, 0, 0, 0, 0)).suppressed());
        assertFalse(calculator.calculate(hba1c, counts(11, 11, 0, 0, 11, 0, 0, 0)).suppressed());
        // 22 with 11 in the numerator: both the numerator and the 11 outside it may be shown
        assertFalse(calculator.calculate(hba1c, counts(22, 22, 0, 0, 11, 0, 0, 0)).suppressed());
    }

    @Test
    void aSmallNumeratorOrComplementHidesTheRateBecauseRateTimesDenominatorGivesItBack() {
        // 4 of 15 = 26.7%: 0.267 × 15 = 4.0, so the rate must go too
        ResultCell four = calculator.calculate(hba1c, counts(15, 15, 0, 0, 4, 0, 0, 0));
        assertTrue(four.suppressed());
        assertNull(four.rate());
        assertEquals("numerator below 11", four.suppressionReason());
        assertEquals("primary", four.suppressionKind());
        // 95 of 100: the 5 outside the numerator are a small cell as well (100 − 95)
        ResultCell complement = calculator.calculate(hba1c, counts(100, 100, 0, 0, 95, 0, 0, 0));
        assertTrue(complement.suppressed());
        assertEquals("denominator minus numerator below 11", complement.suppressionReason());
        // falls: 40 stays but 3 events: 3 / 400 × 1000 = 7.5, and 7.5 × 400 / 1000 gives the 3 back
        ResultCell falls3 = calculator.calculate(falls, counts(40, 40, 0, 0, 0, 0, 3, 400));
        assertTrue(falls3.suppressed());
        assertEquals("events below 11", falls3.suppressionReason());
        // no events is not a small cell: 0 per 1,000 is shown (and flagged unstable: no relative error)
        ResultCell none = calculator.calculate(falls, counts(40, 40, 0, 0, 0, 0, 0, 400));
        assertFalse(none.suppressed());
        assertEquals(0.0, none.rate());
        assertTrue(none.unstable());
    }

    @Test
    void unstableWhenTheRelativeStandardErrorExceedsThirtyPercent() {
        // proportion RSE = sqrt((1 − p) / numerator): 11 of 1000 → sqrt(0.989 / 11) = 0.29985 → stable;
        // 11 of 12 would be a small complement, so take 11 of 30: sqrt((19/30) / 11) = 0.23995
        ResultCell r1 = calculator.calculate(hba1c, counts(1000, 1000, 0, 0, 11, 0, 0, 0));
        assertEquals(0.299848, r1.rse(), 1e-6);
        assertFalse(r1.unstable());
        // ratio RSE = 1 / sqrt(events): 11 events → 0.30151 → unstable; 12 → 0.28868 → stable
        ResultCell e11 = calculator.calculate(falls, counts(200, 200, 0, 0, 0, 0, 11, 2000));
        assertEquals(0.301511, e11.rse(), 1e-6);
        assertTrue(e11.unstable());
        assertFalse(calculator.calculate(falls, counts(200, 200, 0, 0, 0, 0, 12, 2000)).unstable());
        // 81 of 263: sqrt((182/263) / 81) = 0.09243
        assertEquals(0.092430, calculator.calculate(hba1c, counts(310, 300, 30, 7, 85, 4, 0, 0)).rse(), 1e-6);
    }

    @Test
    void ratioIsEventsPerExposureTimesMultiplierWithExactPoisson() {
        // 10 events would be suppressed under the default rule; the arithmetic is checked without it
        ResultCell r = new ResultCalculator(new SuppressionRule(1)).calculate(falls, counts(40, 40, 0, 0, 0, 0, 10, 4000));
        assertEquals(2.5, r.rate(), 1e-12);
        assertEquals(1.19885, r.ciLow(), 1e-4);
        assertEquals(4.5976, r.ciHigh(), 1e-4);
        assertEquals(40, r.denominator());
        assertEquals(10, r.numerator());
        assertFalse(r.meetsTarget());
    }

    @Test
    void increaseIndicatorsMeetTargetFromAbove() {
        IndicatorScoring bp = new IndicatorScoring("bp", "1", "h", "proportion", 1, 0.70, "increase");
        assertTrue(ResultCalculator.meetsTarget(bp, 0.70));
        assertFalse(ResultCalculator.meetsTarget(bp, 0.69));
    }

    private static CellCounts counts(long ip, long den, long denex, long denexcep, long num, long numex, long events,
            double exposure) {
        return new CellCounts("month", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), "ALL", "Org", "overall", "all",
                ip, den, denex, denexcep, num, numex, events, exposure);
    }
}
