package org.lhs.qi.stats.funnel;

/** Where an observed value lies relative to a pair of funnel limits. */
public enum Position {
    BELOW, INSIDE, ABOVE
}
