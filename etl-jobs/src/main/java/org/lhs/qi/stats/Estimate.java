package org.lhs.qi.stats;

/** A point estimate with its confidence interval. */
public record Estimate(double value, Interval interval) {}
