package org.lhs.qi.summarise;

import java.time.LocalDate;

/**
 * The population counts of one result cell (period × site × stratum), straight from {@code qi.member}.
 * {@code numerator} and {@code numeratorExclusion} count only subjects in the denominator that are neither
 * excluded nor excepted; {@code events} and {@code exposure} are sums over the same subjects (ratio scoring).
 */
public record CellCounts(String periodKind, LocalDate periodStart, LocalDate periodEnd, String siteKey, String siteName,
        String stratifier, String stratum, long initialPopulation, long denominator, long denominatorExclusion,
        long denominatorException, long numerator, long numeratorExclusion, long events, double exposure) {
}
