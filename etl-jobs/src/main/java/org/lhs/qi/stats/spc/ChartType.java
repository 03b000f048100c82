package org.lhs.qi.stats.spc;

/** Kind of attribute control chart. */
public enum ChartType {
    /** Proportions, binomial limits. */
    P,
    /** Rates per unit exposure, Poisson limits. */
    U,
    /** Laney p′: p limits widened by the between-period variation of z-scores. */
    P_PRIME,
    /** Laney u′: u limits widened by the between-period variation of z-scores. */
    U_PRIME
}
