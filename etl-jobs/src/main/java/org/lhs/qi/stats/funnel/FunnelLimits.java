package org.lhs.qi.stats.funnel;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Funnel-plot control limits for one denominator around a target (Spiegelhalter, Funnel plots for comparing
 * institutional performance, Stat Med 2005;24:1185-1202). Limits are EXACT: quantiles of the binomial
 * (proportions) or Poisson (rates) distribution under the target, smoothed by Spiegelhalter's interpolation
 * between neighbouring counts (Appendix A.1.1), so they are valid for small denominators too. The 95% limits
 * (≈2σ) warn; the 99.8% limits (≈3σ) are the alarm.
 *
 * @param target the organisation proportion, or rate per {@code multiplier} units of exposure
 * @param size the site's denominator, or its exposure
 */
public record FunnelLimits(double target, double size, double lower95, double upper95, double lower998,
        double upper998) {

    /** Limits for a proportion with target {@code target} in [0, 1] and denominator {@code n}. */
    public static FunnelLimits forProportion(double target, long n) {
        if (!(target >= 0 && target <= 1) || n <= 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need 0 <= target <= 1 and n > 0, got " + target + ", " + n);
        }
        BinomialDistribution d = BinomialDistribution.of((int) n, target);
        double scale = 1.0 / n;
        return new FunnelLimits(target, n,
                Math.max(0, limit(d, 0.025) * scale), Math.min(1, limit(d, 0.975) * scale),
                Math.max(0, limit(d, 0.001) * scale), Math.min(1, limit(d, 0.999) * scale));
    }

    /**
     * Limits for a rate: {@code targetRate} events per {@code multiplier} units of exposure, a site with
     * {@code exposure} units; limits are in the same units as the target.
     */
    public static FunnelLimits forRate(double targetRate, double exposure, double multiplier) {
        if (!(targetRate >= 0) || !(exposure > 0) || !(multiplier > 0)) {
            throw new IllegalArgumentException("need targetRate >= 0, exposure > 0, multiplier > 0, got "
                    + targetRate + ", " + exposure + ", " + multiplier);
        }
        double expected = targetRate / multiplier * exposure;
        double scale = multiplier / exposure;
        if (expected == 0) {
            return new FunnelLimits(targetRate, exposure, 0, 0, 0, 0);
        }
        PoissonDistribution d = PoissonDistribution.of(expected);
        return new FunnelLimits(targetRate, exposure,
                Math.max(0, limit(d, 0.025) * scale), limit(d, 0.975) * scale,
                Math.max(0, limit(d, 0.001) * scale), limit(d, 0.999) * scale);
    }

    /** Position of an observed value (same units as the target) against the 95% limits. */
    public Position at95(double observed) {
        return position(observed, lower95, upper95);
    }

    /** Position of an observed value against the 99.8% limits. */
    public Position at998(double observed) {
        return position(observed, lower998, upper998);
    }

    private static Position position(double observed, double low, double high) {
        return observed < low ? Position.BELOW : observed > high ? Position.ABOVE : Position.INSIDE;
    }

    /**
     * Interpolated count quantile (r_p − α) with r_p the smallest count whose CDF reaches p and
     * α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)): it moves continuously with the denominator instead of
     * jumping by whole counts.
     */
    private static double limit(DiscreteDistribution d, double p) {
        int r = d.inverseCumulativeProbability(p);
        IntToDoubleFunction cdf = d::cumulativeProbability;
        double fr = cdf.applyAsDouble(r);
        double fBelow = r > 0 ? cdf.applyAsDouble(r - 1) : 0;
        double alpha = fr > fBelow ? (fr - p) / (fr - fBelow) : 0;
        return r - alpha;
    }
}
