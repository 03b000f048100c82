package org.lhs.qi.export;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One {@code qi.result} cell with what an export needs of its indicator. Counts, rate and interval are null
 * when the cell is suppressed: the repository never hands them out, so no writer can publish them.
 *
 * @param periodEnd exclusive, as stored
 */
public record ExportRow(String indicatorId, String version, String title, String scoring, String improvement,
        BigDecimal multiplier, String periodKind, LocalDate periodStart, LocalDate periodEnd, String siteKey,
        String siteName, String stratifier, String stratum, Long numerator, Long denominator, BigDecimal exposure,
        BigDecimal rate, BigDecimal ciLow, BigDecimal ciHigh, String ciMethod, boolean suppressed, boolean unstable,
        BigDecimal rse) {

    /** The un-stratified cell. */
    public boolean overall() {
        return "overall".equals(stratifier);
    }

    /** Ratio scoring (events per exposure × multiplier). */
    public boolean ratio() {
        return "ratio".equals(scoring);
    }

    /** Last day of the period (inclusive), as FHIR and people read a period. */
    public LocalDate lastDay() {
        return periodEnd.minusDays(1);
    }

    /** The rate's unit: "proportion" or "per 1000 patient-days". */
    public String unit() {
        if (!ratio()) {
            return "proportion";
        }
        return "per " + (multiplier == null ? "1000" : multiplier.stripTrailingZeros().toPlainString()) + " patient-days";
    }
}
