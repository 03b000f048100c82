package org.lhs.qi.summarise;

import java.time.LocalDate;

/**
 * The population counts of one result cell (period × site × stratum), straight from {@code qi.member}.
 * {@code numerator} and {@code numeratorExclusion} count only subjects in the denominator that are neither
 * excluded nor excepted; {@code events} and {@code exposure} are sums over the same subjects (ratio scoring).
 * {@code observations} counts the measure observations of a continuous-variable indicator.
 */
public record CellCounts(String periodKind, LocalDate periodStart, LocalDate periodEnd, String siteKey, String siteName,
        String stratifier, String stratum, long initialPopulation, long denominator, long denominatorExclusion,
        long denominatorException, long numerator, long numeratorExclusion, long events, double exposure,
        long observations) {

    /** Counts without measure observations (proportion, ratio, cohort). */
    public CellCounts(String periodKind, LocalDate periodStart, LocalDate periodEnd, String siteKey, String siteName,
            String stratifier, String stratum, long initialPopulation, long denominator, long denominatorExclusion,
            long denominatorException, long numerator, long numeratorExclusion, long events, double exposure) {
        this(periodKind, periodStart, periodEnd, siteKey, siteName, stratifier, stratum, initialPopulation, denominator,
                denominatorExclusion, denominatorException, numerator, numeratorExclusion, events, exposure, 0);
    }

    /** Identifies the cell within one indicator and business date. */
    public String key() {
        return periodKind + "|" + periodStart + "|" + siteKey + "|" + stratifier + "|" + stratum;
    }
}
