package org.lhs.qi.stats.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.Improvement;

class SpcChartsTest {

    /**
     * Montgomery DC, Introduction to Statistical Quality Control (6th ed.), Example 7.1: 30 samples of n = 50
     * orange-juice cans, 347 nonconforming; p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23 plot
     * above the UCL.
     */
    private static final List<Long> JUICE = List.of(12L, 15L, 8L, 10L, 4L, 7L, 16L, 9L, 14L, 10L, 5L, 6L, 17L,
            12L, 22L, 8L, 10L, 5L, 13L, 11L, 20L, 18L, 24L, 15L, 9L, 12L, 7L, 13L, 9L, 6L);

    /**
     * Montgomery, ch. 7, u chart example: nonconformities in 20 samples of 5 personal computers, 193 in all;
     * ū = 1.93, UCL = 3.79, LCL = 0.07, all samples in control.
     */
    private static final List<Long> COMPUTERS = List.of(10L, 12L, 8L, 14L, 10L, 16L, 11L, 7L, 10L, 15L, 9L, 5L,
            7L, 11L, 12L, 6L, 8L, 10L, 7L, 5L);

    @Test
    void pChartMatchesMontgomeryExample() {
        ControlChart chart = SpcCharts.pChart(JUICE, Collections.nCopies(30, 50L));
        assertEquals(ChartType.P, chart.type());
        assertEquals(0.2313, chart.centre(), 5e-5);
        for (ChartPoint p : chart.points()) {
            assertEquals(0.4102, p.upper(), 5e-5);
            assertEquals(0.0524, p.lower(), 5e-5);
        }
        assertEquals(List.of(new SignalEvent(Signal.OUTSIDE_LIMITS, 14, 14, Side.UP),
                new SignalEvent(Signal.OUTSIDE_LIMITS, 22, 22, Side.UP)), chart.events());
        assertEquals(Set.of(Signal.OUTSIDE_LIMITS), chart.points().get(14).signals());
        assertEquals(Signal.NONE, chart.points().get(0).code());
        assertEquals(0.44, chart.points().get(14).value(), 1e-12);
        // nonconforming cans: lower is better, so points above the limit are worse
        assertEquals(new Assessment(true, Verdict.WORSE), chart.assess(Improvement.DECREASE));
        assertEquals(new Assessment(true, Verdict.BETTER), chart.assess(Improvement.INCREASE));
    }

    @Test
    void uChartMatchesMontgomeryExample() {
        ControlChart chart = SpcCharts.uChart(COMPUTERS, Collections.nCopies(20, 5.0), 1);
        assertEquals(1.93, chart.centre(), 1e-12);
        assertEquals(3.79, chart.points().getFirst().upper(), 5e-3);
        assertEquals(0.07, chart.points().getFirst().lower(), 5e-3);
        assertFalse(chart.specialCause());
        assertEquals(new Assessment(false, Verdict.COMMON_CAUSE), chart.assess(Improvement.DECREASE));
    }

    @Test
    void limitsFollowEachPeriodsDenominator() {
        // 10/100 and 30/100 and 20/400: p̄ = 60/600 = 0.1; σ = √(0.09/n): n=100 → 0.03, n=400 → 0.015
        ControlChart chart = SpcCharts.pChart(List.of(10L, 30L, 20L), List.of(100L, 100L, 400L));
        assertEquals(0.1, chart.centre(), 1e-12);
        assertEquals(0.19, chart.points().get(0).upper(), 1e-12);
        assertEquals(0.01, chart.points().get(0).lower(), 1e-12);
        assertEquals(0.145, chart.points().get(2).upper(), 1e-12);
        assertEquals(0.055, chart.points().get(2).lower(), 1e-12);
        // 0.30 > 0.19 and 0.05 < 0.055
        assertEquals(Set.of(Signal.OUTSIDE_LIMITS), chart.points().get(1).signals());
        assertEquals(Set.of(Signal.OUTSIDE_LIMITS), chart.points().get(2).signals());
        assertEquals(Verdict.MIXED, chart.assess(Improvement.INCREASE).verdict());
    }

    @Test
    void pLimitsAreClampedToZeroAndOne() {
        // p̄ = 0.5 with n = 4: σ = 0.25, ±3σ = −0.25..1.25 → 0..1
        ControlChart chart = SpcCharts.pChart(List.of(2L, 2L), List.of(4L, 4L));
        assertEquals(0.0, chart.points().getFirst().lower());
        assertEquals(1.0, chart.points().getFirst().upper());
    }

    @Test
    void uChartScalesByMultiplier() {
        // 5 falls in 2,000 and 15 in 6,000 patient-days: ū = 20/8000 = 2.5 per 1,000;
        // σ(2,000) = √(0.0025/2000) = 0.0011180 → UCL = (0.0025 + 0.0033541)·1000 = 5.8541
        ControlChart chart = SpcCharts.uChart(List.of(5L, 15L), List.of(2000.0, 6000.0), 1000);
        assertEquals(2.5, chart.centre(), 1e-12);
        assertEquals(5.8541, chart.points().getFirst().upper(), 1e-4);
        assertEquals(0.0, chart.points().getFirst().lower());
        assertEquals(2.5, chart.points().getFirst().value(), 1e-12);
    }

    /**
     * Laney p′ (Laney 2002) on the Montgomery data, worked by hand: σ_p = √(0.23133·0.76867/50) = 0.059631;
     * z_i = (p_i − p̄)/σ_p; the 29 moving ranges of z average 1.873457, so σ_z = 1.873457/1.128 = 1.660867
     * and UCL = 0.23133 + 3·0.059631·1.660867 = 0.52847; LCL = 0.23133 − 0.29711 < 0 → 0. The overdispersion
     * swallows the two p-chart signals.
     */
    @Test
    void laneyPChartWidensLimitsBySigmaZ() {
        ControlChart chart = SpcCharts.laneyPChart(JUICE, Collections.nCopies(30, 50L));
        assertEquals(ChartType.P_PRIME, chart.type());
        assertEquals(1.660867, chart.sigmaZ(), 1e-5);
        assertEquals(0.528472, chart.points().getFirst().upper(), 1e-5);
        assertEquals(0.0, chart.points().getFirst().lower());
        assertFalse(chart.specialCause());
    }

    @Test
    void laneyLimitsAreThePlainLimitsStretchedBySigmaZ() {
        List<Long> events = List.of(40L, 55L, 47L, 70L, 38L, 52L);
        List<Double> exposure = List.of(10000.0, 12000.0, 9000.0, 15000.0, 11000.0, 10000.0);
        ControlChart u = SpcCharts.uChart(events, exposure, 1000);
        ControlChart uPrime = SpcCharts.laneyUChart(events, exposure, 1000);
        assertEquals(ChartType.U_PRIME, uPrime.type());
        assertEquals(u.centre(), uPrime.centre(), 1e-12);
        IntStream.range(0, events.size()).forEach(i -> assertEquals(
                (u.points().get(i).upper() - u.centre()) * uPrime.sigmaZ(),
                uPrime.points().get(i).upper() - uPrime.centre(), 1e-9));
    }

    @Test
    void signalsRunThroughIntoThePoints() {
        // 8 months at 20/100 then 4 at 10/100 with a lower-is-better indicator: a downward shift is better
        List<Long> num = List.of(20L, 20L, 21L, 19L, 20L, 20L, 21L, 19L, 10L, 10L, 10L, 10L);
        ControlChart chart = SpcCharts.pChart(num, Collections.nCopies(12, 100L));
        // p̄ = 200/1200 = 0.1667: the first 8 points are all above it → shift
        assertTrue(chart.points().get(0).signals().contains(Signal.SHIFT));
        assertTrue(chart.points().get(7).signals().contains(Signal.SHIFT));
        assertFalse(chart.points().get(8).signals().contains(Signal.SHIFT));
        assertEquals(Verdict.WORSE, chart.assess(Improvement.DECREASE).verdict());
    }
}
