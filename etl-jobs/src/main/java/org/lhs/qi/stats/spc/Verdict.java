package org.lhs.qi.stats.spc;

/** What a chart says about the process, given the indicator's direction of improvement. */
public enum Verdict {
    /** Common-cause variation only. */
    COMMON_CAUSE,
    /** Special cause, all directional signals on the better side. */
    BETTER,
    /** Special cause, all directional signals on the worse side. */
    WORSE,
    /** Special cause with signals on both sides. */
    MIXED,
    /** Special cause without a direction (e.g. only too few crossings). */
    UNDETERMINED
}
