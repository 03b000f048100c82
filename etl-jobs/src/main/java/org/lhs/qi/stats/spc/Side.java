package org.lhs.qi.stats.spc;

/** Which way a signal points: up, down, or no particular direction (e.g. too few crossings). */
public enum Side {
    UP, DOWN, NONE;

    /** The side of a value relative to a centre; {@link #NONE} when equal. */
    public static Side of(double value, double centre) {
        return value > centre ? UP : value < centre ? DOWN : NONE;
    }
}
