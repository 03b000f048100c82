package org.lhs.qi.report;

import java.time.LocalDate;

/**
 * One {@code qi.result} cell. For ratios {@code exposure} is the rate's denominator (e.g. patient-days);
 * rate and interval are null when the cell is suppressed or undefined. The {@code spc*} values are those of the
 * monthly overall cells' control chart (centre and limits on the stored rate scale), else null. {@code unstable}:
 * the rate's relative standard error is above 30%. The indicator version and content hash say which definition
 * computed the row (null when not read).
 */
public record ResultRow(String indicatorId, LocalDate periodStart, String siteKey, String siteName,
        String stratifier, String stratum, long numerator, long denominator, Double exposure,
        Double rate, Double ciLow, Double ciHigh, boolean suppressed, Double spcCentre, Double spcLower,
        Double spcUpper, String spcSignals, String spcSide, boolean unstable, String indicatorVersion,
        String contentHash) {

    /** A row whose rate is not flagged unstable and whose definition version and hash were not read. */
    public ResultRow(String indicatorId, LocalDate periodStart, String siteKey, String siteName, String stratifier,
            String stratum, long numerator, long denominator, Double exposure, Double rate, Double ciLow,
            Double ciHigh, boolean suppressed, Double spcCentre, Double spcLower, Double spcUpper, String spcSignals,
            String spcSide) {
        this(indicatorId, periodStart, siteKey, siteName, stratifier, stratum, numerator, denominator, exposure, rate,
                ciLow, ciHigh, suppressed, spcCentre, spcLower, spcUpper, spcSignals, spcSide, false, null, null);
    }

    /** A row without control-chart values (stratified, 12-month or suppressed cells). */
    public ResultRow(String indicatorId, LocalDate periodStart, String siteKey, String siteName, String stratifier,
            String stratum, long numerator, long denominator, Double exposure, Double rate, Double ciLow,
            Double ciHigh, boolean suppressed) {
        this(indicatorId, periodStart, siteKey, siteName, stratifier, stratum, numerator, denominator, exposure, rate,
                ciLow, ciHigh, suppressed, null, null, null, null, null);
    }

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

    /** The definition the row was computed with, as one comparable key; null when unknown. */
    public String definitionKey() {
        return indicatorVersion == null && contentHash == null ? null : indicatorVersion + "#" + contentHash;
    }
}
