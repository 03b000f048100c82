package org.lhs.qi.stats.spc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbabilityLimitsTest {

    @Test
    void tailIsThatOfThreeSigma() {
        assertEquals(0.0013499, ProbabilityLimits.TAIL, 1e-7);
    }

    @Test
    void fewExpectedFallsNeedMoreThanFourEventsToSignal() {
        // East Community, May 2026: expected 0.86 falls. The 3σ limit 0.86 + 3·√0.86 = 3.64 flags 4 falls, yet
        // P(X ≥ 4) = 1.2%, nine times the intended 0.135%. Exact: P(X ≤ 4) = 0.99807 < 0.99865 ≤ P(X ≤ 5) = 0.99973,
        // so the upper limit is 5 (6 or more falls signal); the lower limit is 0 (P(X = 0) = 0.42 is no signal).
        assertArrayEquals(new int[] {0, 5}, ProbabilityLimits.poisson(0.86));
        // mean 5: P(X ≤ 12) = 0.99798, P(X ≤ 13) = 0.99930 → 13 (the 3σ limit would be 11.7)
        assertArrayEquals(new int[] {0, 13}, ProbabilityLimits.poisson(5));
    }

    @Test
    void binomialLimitsConvergeToThreeSigma() {
        // n = 100, p = 0.1: P(X ≤ 1) = 0.00032 < 0.00135 ≤ P(X ≤ 2) = 0.00194 → 2; P(X ≤ 19) = 0.99802,
        // P(X ≤ 20) = 0.99919 → 20. The 3σ limits are 1 and 19.
        assertArrayEquals(new int[] {2, 20}, ProbabilityLimits.binomial(100, 0.1));
        assertArrayEquals(new int[] {0, 0}, ProbabilityLimits.binomial(100, 0));
        assertArrayEquals(new int[] {0, 0}, ProbabilityLimits.poisson(0));
    }
}
