package org.lhs.qi.generate;

import java.util.List;

/**
 * One generated site.
 *
 * @param index  0-based position (S01 has index 0)
 * @param id     source id ({@code S01}, {@code S02}, …)
 * @param name   display name
 * @param weight share of patients attributed to the site
 * @param zipPrefix first three ZIP digits of its catchment area
 */
record Site(int index, String id, String name, double weight, String zipPrefix) {

    /** Inpatient units every site has; PEDS takes children. */
    static final List<String> UNITS = List.of("MED", "SURG", "ICU", "ORTHO", "PEDS");

    private static final List<String> NAMES = List.of("North General", "East Community", "South Medical Center",
            "West Valley");

    /** Sites S01…Snn; larger sites first so that S01 (the improving site) has the most patients. */
    static List<Site> catalog(int count) {
        double[] raw = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            raw[i] = Math.max(0.4, 1.0 - 0.08 * i);
            total += raw[i];
        }
        Site[] sites = new Site[count];
        for (int i = 0; i < count; i++) {
            String name = i < NAMES.size() ? NAMES.get(i) : "Site " + (i + 1);
            sites[i] = new Site(i, "S%02d".formatted(i + 1), name, raw[i] / total, Integer.toString(550 + i));
        }
        return List.of(sites);
    }

    /** A ZIP in the site's area whose neighbourhood has the given deprivation quintile (two ZIPs per quintile). */
    String zip(int quintile, int variant) {
        return zipPrefix + quintile + variant;
    }
}
