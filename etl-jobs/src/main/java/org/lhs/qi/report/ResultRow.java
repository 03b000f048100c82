package org.lhs.qi.report;

import java.time.LocalDate;

/**
 * One {@code qi.result} cell. For ratios {@code exposure} is the rate's denominator (e.g. patient-days);
 * rate and interval are null when the cell is suppressed or undefined.
 */
public record ResultRow(String indicatorId, LocalDate periodStart, String siteKey, String siteName,
        String stratifier, String stratum, long numerator, long denominator, Double exposure,
        Double rate, Double ciLow, Double ciHigh, boolean suppressed) {

    /** The stratifier value of the un-stratified row. */
    public static final String OVERALL = "overall";

    /** True for the un-stratified (overall) row. */
    public boolean overall() {
        return OVERALL.equals(stratifier);
    }

    /** The rate's denominator as people read it: exposure for ratios, the denominator count otherwise. */
    public double rateBase(Scoring scoring) {
        return scoring == Scoring.RATIO ? (exposure == null ? 0 : exposure) : denominator;
    }
}
