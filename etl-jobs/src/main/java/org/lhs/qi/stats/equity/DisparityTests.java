package org.lhs.qi.stats.equity;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two-sided p-values of a group-versus-reference comparison, each matching the interval printed next to it,
 * so that a multiple-comparison procedure can decide which disparities to flag.
 */
public final class DisparityTests {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private DisparityTests() {}

    /**
     * Proportions: Wald test of ln RR with Katz's standard error √(1/x1 − 1/n1 + 1/x2 − 1/n2), the test whose
     * inversion is Katz's interval (p &lt; 0.05 exactly when the 95% interval excludes 1). 1 when either group
     * has no events (the log ratio is unbounded, nothing can be concluded from it).
     */
    public static double katzRatioP(long x1, long n1, long x2, long n2) {
        if (x1 == 0 || x2 == 0) {
            return 1;
        }
        double logRatio = Math.log(((double) x1 / n1) / ((double) x2 / n2));
        double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
        if (se == 0) {
            return logRatio == 0 ? 1 : 0;
        }
        return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(logRatio) / se));
    }

    /**
     * Poisson rates: the exact conditional test. Given x1 + x2 events, x1 is Bin(x1 + x2, e1/(e1 + e2)) when
     * the rates are equal; p = min(1, 2·min(P(X ≤ x1), P(X ≥ x1))), the test inverted by the Clopper–Pearson
     * based rate-ratio interval.
     */
    public static double exactRateRatioP(long x1, double e1, long x2, double e2) {
        long total = x1 + x2;
        if (total == 0) {
            return 1;
        }
        BinomialDistribution null0 = BinomialDistribution.of(Math.toIntExact(total), e1 / (e1 + e2));
        int x = Math.toIntExact(x1);
        double lower = null0.cumulativeProbability(x);
        double upper = x == 0 ? 1 : null0.survivalProbability(x - 1);
        return Math.min(1, 2 * Math.min(lower, upper));
    }
}
