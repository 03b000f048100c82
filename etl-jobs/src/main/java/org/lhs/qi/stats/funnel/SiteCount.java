package org.lhs.qi.stats.funnel;

/**
 * A site's counts for one indicator and period.
 *
 * @param events numerator (proportion) or event count (rate)
 * @param denominator denominator (proportion) or exposure (rate)
 */
public record SiteCount(String site, long events, double denominator) {}
