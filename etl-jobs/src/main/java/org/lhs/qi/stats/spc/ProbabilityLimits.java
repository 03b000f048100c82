package org.lhs.qi.stats.spc;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Exact probability limits for attribute control charts (Montgomery, Introduction to Statistical Quality
 * Control, §7.2–7.3): the counts beyond which a period lies with at most the false-alarm probability of a
 * 3σ limit on a normal chart, Φ(−3) ≈ 0.135% on each side. With small expected counts (a few falls per month at
 * one site) the Poisson and binomial distributions are skewed, and the usual centre + 3σ limit is crossed by
 * chance about ten times as often as intended; probability limits keep the intended rate at every size and
 * converge to the 3σ limits when counts are large.
 */
public final class ProbabilityLimits {

    /** One-sided false-alarm probability of a 3σ limit: Φ(−3). */
    public static final double TAIL = NormalDistribution.of(0, 1).cumulativeProbability(-3);

    private ProbabilityLimits() {}

    /**
     * {lower, upper} counts for Poisson events with the given mean: a period is a signal when its count is
     * strictly below {@code lower} (P(X &lt; lower) &lt; TAIL) or strictly above {@code upper} (P(X &gt; upper) ≤ TAIL).
     */
    public static int[] poisson(double mean) {
        if (!(mean > 0)) {
            return new int[] {0, 0};
        }
        PoissonDistribution d = PoissonDistribution.of(mean);
        return new int[] {d.inverseCumulativeProbability(TAIL), d.inverseCumulativeProbability(1 - TAIL)};
    }

    /** {lower, upper} counts for a binomial numerator of {@code n} trials with probability {@code p}, as for {@link #poisson}. */
    public static int[] binomial(long n, double p) {
        if (!(p > 0) || !(p < 1)) {
            int at = p >= 1 ? Math.toIntExact(n) : 0;
            return new int[] {at, at};
        }
        BinomialDistribution d = BinomialDistribution.of(Math.toIntExact(n), p);
        return new int[] {d.inverseCumulativeProbability(TAIL), d.inverseCumulativeProbability(1 - TAIL)};
    }
}
