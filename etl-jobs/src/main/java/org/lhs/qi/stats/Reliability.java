package org.lhs.qi.stats;

/**
 * Statistical reliability of a published rate. A rate whose relative standard error exceeds 30% is flagged
 * unstable, the threshold of the NCHS data presentation standards (Parker et al., Vital Health Stat 2(175),
 * 2017) and of CDC WONDER.
 */
public final class Reliability {

    /** Relative standard error above which a rate is unstable. */
    public static final double UNSTABLE_RSE = 0.30;

    private Reliability() {}

    /** RSE of a proportion p = x/n: SE/p = √((1−p)/(n·p)); infinite when x = 0. */
    public static double rseProportion(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got "
                    + successes + "/" + trials);
        }
        if (successes == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double p = (double) successes / trials;
        return Math.sqrt((1 - p) / (trials * p));
    }

    /** RSE of a Poisson rate, which depends on the event count only: 1/√events; infinite when 0. */
    public static double rseRate(long events) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0: " + events);
        }
        return events == 0 ? Double.POSITIVE_INFINITY : 1 / Math.sqrt(events);
    }

    /** Whether a rate with this relative standard error should be flagged unstable (RSE &gt; 30%). */
    public static boolean isUnstable(double rse) {
        return rse > UNSTABLE_RSE;
    }
}
