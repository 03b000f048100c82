package org.lhs.qi.stats.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.Improvement;

class RunChartRulesTest {

    /**
     * Critical values tabulated by Anhøj &amp; Olesen, PLoS ONE 2014;9:e113825 (and used by qicharts2): for 10, 20
     * and 30 useful observations the longest run may be 6, 7, 8 and crossings must reach 2, 6, 10.
     */
    @Test
    void criticalValuesMatchAnhoejTable() {
        assertEquals(6, RunChartRules.longestRunMax(10));
        assertEquals(2, RunChartRules.crossingsMin(10));
        assertEquals(7, RunChartRules.longestRunMax(20));
        assertEquals(6, RunChartRules.crossingsMin(20));
        assertEquals(8, RunChartRules.longestRunMax(30));
        assertEquals(10, RunChartRules.crossingsMin(30));
    }

    @Test
    void randomLookingSeriesHasNoSignal() {
        // the first 20 digits of π: median 4.5, runs 4,2,1,2,1,5,3,1,1 → longest 5 ≤ 7, 8 crossings ≥ 6
        RunChartResult r = RunChartRules.anhoej(values(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4));
        assertEquals(4.5, r.median());
        assertEquals(20, r.usefulObservations());
        assertEquals(5, r.longestRun());
        assertEquals(8, r.crossings());
        assertFalse(r.specialCause());
        assertEquals(Verdict.COMMON_CAUSE, r.assess(Improvement.INCREASE).verdict());
    }

    @Test
    void longRunAndFewCrossingsIgnoringPointsOnTheMedian() {
        // median 2; the six 2s are on it, leaving n = 14 (max run 7, min crossings 4):
        // 1 1 1 1 below, eight 9s above, 1 1 below → longest run 8 > 7, 2 crossings < 4
        RunChartResult r = RunChartRules.anhoej(values(1, 2, 1, 2, 1, 2, 1, 2, 9, 9, 9, 9, 9, 9, 9, 9, 2, 1, 2, 1));
        assertEquals(2.0, r.median());
        assertEquals(14, r.usefulObservations());
        assertEquals(8, r.longestRun());
        assertEquals(7, r.longestRunMax());
        assertEquals(2, r.crossings());
        assertEquals(4, r.crossingsMin());
        assertEquals(List.of(new SignalEvent(Signal.RUN_LONG, 8, 15, Side.UP),
                new SignalEvent(Signal.RUN_FEW_CROSSINGS, 0, 19, Side.NONE)), r.events());
        assertEquals(Set.of(Signal.RUN_LONG, Signal.RUN_FEW_CROSSINGS), r.signals().get(8));
        assertEquals(Set.of(Signal.RUN_FEW_CROSSINGS), r.signals().get(0));
        assertTrue(r.specialCause());
        assertEquals(Verdict.BETTER, r.assess(Improvement.INCREASE).verdict());
        assertEquals(Verdict.WORSE, r.assess(Improvement.DECREASE).verdict());
    }

    @Test
    void onlyFewCrossingsHasNoDirection() {
        // 1..10: median 5.5, one crossing < 2 (n = 10), longest run 5 ≤ 6
        RunChartResult r = RunChartRules.anhoej(values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertEquals(1, r.crossings());
        assertEquals(List.of(new SignalEvent(Signal.RUN_FEW_CROSSINGS, 0, 9, Side.NONE)), r.events());
        assertEquals(new Assessment(true, Verdict.UNDETERMINED), r.assess(Improvement.INCREASE));
    }

    private static List<Double> values(double... v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
