package org.lhs.qi.stats.equity;

/**
 * Summary disparity measures of one stratifier.
 *
 * @param indexOfDisparity Pearcy &amp; Keppel's ID in percent: mean |r_i − r_ref| over the non-reference
 *        groups divided by r_ref, × 100; NaN when the reference rate is 0
 * @param betweenGroupVariance Σ w_i (r_i − μ)², w_i the groups' shares of the total denominator and μ the
 *        total rate (Harper &amp; Lynch, NCI 2005), in squared rate units
 */
public record DisparitySummary(double indexOfDisparity, double betweenGroupVariance) {}
