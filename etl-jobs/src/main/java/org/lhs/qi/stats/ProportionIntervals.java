package org.lhs.qi.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Confidence intervals for a binomial proportion. Wilson's score interval is the default: unlike the
 * Wald interval it stays inside [0, 1] and keeps near-nominal coverage for small counts and rates near 0 or 1
 * (Newcombe, Stat Med 1998;17:857-872). Clopper–Pearson is offered where a guaranteed (conservative) coverage
 * is wanted, e.g. for very small denominators.
 */
public final class ProportionIntervals {

    private ProportionIntervals() {}

    /** Two-sided standard normal quantile for a confidence level, e.g. 1.959964 for 0.95. */
    public static double z(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** Wilson score interval for {@code successes} out of {@code trials}. */
    public static Interval wilson(long successes, long trials, double confidence) {
        checkCounts(successes, trials);
        double z = z(confidence);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // the closed form is exact at the bounds; clamp only floating-point noise
        double low = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double high = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new Interval(low, high, "wilson");
    }

    /**
     * Clopper–Pearson "exact" interval (Clopper &amp; Pearson, Biometrika 1934) from Beta quantiles:
     * low = Beta(x, n−x+1) at α/2, high = Beta(x+1, n−x) at 1−α/2; the bound is 0 (1) when x = 0 (x = n).
     */
    public static Interval clopperPearson(long successes, long trials, double confidence) {
        checkCounts(successes, trials);
        double alpha = 1 - confidence;
        z(confidence); // validates the confidence level
        double low = successes == 0 ? 0
                : BetaDistribution.of(successes, trials - successes + 1).inverseCumulativeProbability(alpha / 2);
        double high = successes == trials ? 1
                : BetaDistribution.of(successes + 1, trials - successes).inverseCumulativeProbability(1 - alpha / 2);
        return new Interval(low, high, "clopper-pearson");
    }

    private static void checkCounts(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got "
                    + successes + "/" + trials);
        }
    }
}
