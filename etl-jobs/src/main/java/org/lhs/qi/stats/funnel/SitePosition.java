package org.lhs.qi.stats.funnel;

/** A site placed on the funnel: its value, its limits and where it falls against each pair. */
public record SitePosition(SiteCount site, double value, FunnelLimits limits, Position at95, Position at998) {}
