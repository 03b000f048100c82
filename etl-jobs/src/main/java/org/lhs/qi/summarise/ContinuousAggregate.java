package org.lhs.qi.summarise;

import org.lhs.qi.stats.ContinuousIntervals;
import org.lhs.qi.stats.Estimate;
import org.lhs.qi.stats.MedianEstimate;

/**
 * The aggregate of one cell's measure observations (continuous variable): the median with its
 * distribution-free order-statistic interval, or the mean with Student's t interval.
 *
 * @param value  the median or mean
 * @param low    lower bound of the 95% interval, null when it cannot be formed (a mean of one value)
 * @param method {@code median-order-statistic} or {@code t}, null without an interval
 */
public record ContinuousAggregate(long n, double value, Double low, Double high, String method) {

    private static final double CONFIDENCE = 0.95;

    /** Aggregates the observations (any order) by {@code median} or {@code mean}; needs at least one value. */
    public static ContinuousAggregate of(String aggregate, double[] values) {
        if ("mean".equals(aggregate)) {
            if (values.length < 2) {
                return new ContinuousAggregate(values.length, values[0], null, null, null);
            }
            Estimate e = ContinuousIntervals.meanT(values, CONFIDENCE);
            return new ContinuousAggregate(values.length, e.value(), e.interval().low(), e.interval().high(),
                    e.interval().method());
        }
        MedianEstimate m = ContinuousIntervals.medianOrderStatistic(values, CONFIDENCE);
        return new ContinuousAggregate(values.length, m.median(), m.interval().low(), m.interval().high(),
                m.interval().method());
    }
}
