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

    /**
     * Byar's approximation to the exact Poisson interval for the expected count (Breslow &amp; Day, Statistical
     * Methods in Cancer Research vol. II, IARC 1987, p. 69): closed form, accurate to a few hundredths even
     * for small counts, and the method of the English public-health observatories' technical guidance.
     */
    public static Interval byarCount(long events, double confidence) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0: " + events);
        }
        double z = ProportionIntervals.z(confidence);
        double o = events;
        double low = events == 0 ? 0 : o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
        double o1 = o + 1;
        double high = o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
        return new Interval(Math.max(0, low), high, "poisson-byar");
    }

    /** Byar's interval for a rate: events / exposure × multiplier. */
    public static Interval byarRate(long events, double exposure, double multiplier, double confidence) {
        if (!(exposure > 0)) {
            throw new IllegalArgumentException("exposure must be > 0: " + exposure);
        }
        Interval count = byarCount(events, confidence);
        return new Interval(count.low() / exposure * multiplier, count.high() / exposure * multiplier,
                "poisson-byar");
    }
}
