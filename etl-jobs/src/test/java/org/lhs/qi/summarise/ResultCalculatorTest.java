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
    void elevenIsShown() {
        assertFalse(calculator.calculate(hba1c, counts(11, 11, 0, 0, 1, 0, 0, 0)).suppressed());
    }

    @Test
    void ratioIsEventsPerExposureTimesMultiplierWithExactPoisson() {
        ResultCell r = calculator.calculate(falls, counts(40, 40, 0, 0, 0, 0, 10, 4000));
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
