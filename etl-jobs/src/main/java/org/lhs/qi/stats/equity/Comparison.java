package org.lhs.qi.stats.equity;

/** How a group compares with the reference, given the improvement direction. */
public enum Comparison {
    /** No flagged disparity. */
    SIMILAR,
    /** Flagged disparity, the group doing better than the reference. */
    BETTER,
    /** Flagged disparity, the group doing worse than the reference. */
    WORSE
}
