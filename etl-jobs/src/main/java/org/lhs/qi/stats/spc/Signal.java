package org.lhs.qi.stats.spc;

/** Special-cause signal codes a period can carry; {@link #NONE} stands for a period without any. */
public enum Signal {
    NONE,
    /** Control chart: the point lies outside the 3σ limits. */
    OUTSIDE_LIMITS,
    /** Control chart: part of a run of (by default) 8 or more points on one side of the centre line. */
    SHIFT,
    /** Control chart: part of (by default) 6 or more points steadily increasing or decreasing. */
    TREND,
    /** Run chart (Anhøj): part of a run around the median longer than expected by chance. */
    RUN_LONG,
    /** Run chart (Anhøj): the series crosses the median fewer times than expected by chance. */
    RUN_FEW_CROSSINGS
}
