package org.lhs.qi.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Confidence intervals for event rates per exposure (e.g. falls per 1,000 patient-days). The exact
 * (Garwood 1936) interval inverts the Poisson distribution through chi-squared quantiles; it is the
 * standard choice for the small event counts of safety indicators.
 */
public final class RateIntervals {

    private RateIntervals() {}

    /** Exact Poisson interval for the expected count given {@code events} observed. */
    public static Interval exactPoissonCount(long events, double confidence) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0: " + events);
        }
        double alpha = 1 - confidence;
        double low = events == 0 ? 0
                : ChiSquaredDistribution.of(2.0 * events).inverseCumulativeProbability(alpha / 2) / 2;
        double high = ChiSquaredDistribution.of(2.0 * events + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
        return new Interval(low, high, "poisson-exact");
    }

    /** Exact Poisson interval for a rate: events / exposure × multiplier. */
    public static Interval exactPoissonRate(long events, double exposure, double multiplier, double confidence) {
        if (!(exposure > 0)) {
            throw new IllegalArgumentException("exposure must be > 0: " + exposure);
        }
        Interval count = exactPoissonCount(events, confidence);
        return new Interval(count.low() / exposure * multiplier, count.high() / exposure * multiplier,
                "poisson-exact");
    }
}
