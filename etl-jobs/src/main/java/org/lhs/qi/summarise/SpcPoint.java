package org.lhs.qi.summarise;

/**
 * The control-chart values of one monthly cell as stored in {@code qi.result}.
 *
 * @param chart   {@code p}, {@code u}, {@code p-prime} or {@code u-prime}
 * @param centre  centre line on the published scale (fraction, or rate per multiplier)
 * @param signals comma-separated {@link org.lhs.qi.stats.spc.Signal} codes, or null when none
 * @param side    {@code up} or {@code down} for directional signals, else null
 */
public record SpcPoint(String chart, double centre, double lower, double upper, String signals, String side) {}
