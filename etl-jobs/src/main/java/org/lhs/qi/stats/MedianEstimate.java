package org.lhs.qi.stats;

/**
 * A sample median with its distribution-free interval between two order statistics.
 *
 * @param lowerRank 1-based rank of the order statistic giving the lower bound
 * @param upperRank 1-based rank of the order statistic giving the upper bound
 * @param achievedConfidence the exact coverage of [x(lowerRank), x(upperRank)], at least the nominal level
 *        except for samples too small to reach it (then the full range is returned)
 */
public record MedianEstimate(double median, Interval interval, int lowerRank, int upperRank,
        double achievedConfidence) {}
