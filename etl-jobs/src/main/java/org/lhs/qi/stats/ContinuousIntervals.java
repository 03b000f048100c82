package org.lhs.qi.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Confidence intervals for continuous-variable indicators (e.g. length of stay): the mean with Student's t
 * interval, and the median with a distribution-free interval from binomial order statistics, which needs no
 * assumption about the (usually skewed) distribution.
 */
public final class ContinuousIntervals {

    private ContinuousIntervals() {}

    /** Sample mean with the t interval mean ± t(n−1) · s / √n. Needs at least two values. */
    public static Estimate meanT(double[] values, double confidence) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("a t interval needs at least 2 values, got " + n);
        }
        ProportionIntervals.z(confidence); // validates the level
        double mean = Arrays.stream(values).sum() / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(squares / (n - 1) / n);
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Estimate(mean, new Interval(mean - t * se, mean + t * se, "t"));
    }

    /**
     * Sample median with the order-statistic interval [x(r), x(n−r+1)]: r is the largest rank with
     * P(Bin(n, ½) ≤ r−1) ≤ α/2, so the coverage 1 − 2·P(Bin(n, ½) ≤ r−1) is at least the nominal level
     * (Conover, Practical Nonparametric Statistics, 3rd ed., §3.2; Altman et al., Statistics with Confidence,
     * 2nd ed., ch. 5).
     */
    public static MedianEstimate medianOrderStatistic(double[] values, double confidence) {
        int n = values.length;
        if (n < 1) {
            throw new IllegalArgumentException("a median needs at least 1 value");
        }
        ProportionIntervals.z(confidence);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        BinomialDistribution b = BinomialDistribution.of(n, 0.5);
        double halfAlpha = (1 - confidence) / 2;
        int r = 1;
        while (r + 1 <= (n + 1) / 2 && b.cumulativeProbability(r) <= halfAlpha) {
            r++;
        }
        // r = 1 is used even when P(Bin ≤ 0) > α/2: the full range, reported with its lower coverage
        int s = n - r + 1;
        double achieved = 1 - 2 * b.cumulativeProbability(r - 1);
        return new MedianEstimate(median, new Interval(sorted[r - 1], sorted[s - 1], "median-order-statistic"),
                r, s, achieved);
    }
}
