package org.lhs.qi.stats;

/** A two-sided confidence interval with the name of the method that produced it. */
public record Interval(double low, double high, String method) {
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval low " + low + " > high " + high);
        }
    }
}
