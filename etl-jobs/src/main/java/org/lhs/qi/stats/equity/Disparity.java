package org.lhs.qi.stats.equity;

import org.lhs.qi.stats.Interval;

/**
 * One group versus the reference group.
 *
 * @param difference group rate − reference rate
 * @param differenceInterval Newcombe hybrid score interval (method 10)
 * @param ratio group rate / reference rate; NaN when both rates are 0, infinite when only the reference is 0
 * @param ratioInterval Katz log interval, or {@code null} when either group has no events
 * @param significant the difference interval excludes 0
 * @param flagged significant and |ratio − 1| ≥ 0.10
 * @param comparison better / worse for flagged groups, else similar
 */
public record Disparity(GroupRate group, GroupRate reference, double difference, Interval differenceInterval,
        double ratio, Interval ratioInterval, boolean significant, boolean flagged, Comparison comparison) {}
