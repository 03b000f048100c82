package org.lhs.qi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lhs.qi.stats.equity.Comparison;

/** Builds the forest plot of an equity table: its rows in table order, one heading per stratifier. */
final class EquityForest {

    /** Shorter names for the plot's axis (the table beside it gives the full ones), so the plot keeps its width. */
    private static final java.util.Map<String, String> SHORT = java.util.Map.of(
            "american-indian-or-alaska-native", "Am. Indian/Alaska N.",
            "black-or-african-american", "Black/Afr. American",
            "native-hawaiian-or-other-pacific-islander", "N. Hawaiian/Pac. Isl.",
            "hispanic-or-latino", "Hispanic/Latino",
            "not-hispanic-or-latino", "Not Hispanic/Latino");

    private EquityForest() {}

    /** The forest of the strata (already in table order) and their corrected comparisons. */
    static ForestData of(List<ResultRow> ordered, EquityComparison.Family family, String measure) {
        List<ForestData.Row> rows = new ArrayList<>();
        String current = null;
        for (ResultRow r : ordered) {
            if (!Objects.equals(current, r.stratifier())) {
                current = r.stratifier();
                rows.add(new ForestData.Row(Strata.stratifierLabel(current), ForestData.Kind.HEADING, null, null, null));
            }
            String label = SHORT.getOrDefault(r.stratum(), Strata.stratumLabel(r.stratum()));
            EquityComparison.Result c = r.suppressed() ? null : family.of(r.stratifier()).get(r.stratum());
            if (r.suppressed()) {
                rows.add(new ForestData.Row(label, ForestData.Kind.SUPPRESSED, null, null, null));
            } else if (c == null || c.ratio() == null || !(c.ratio() > 0)) {
                rows.add(new ForestData.Row(label, ForestData.Kind.NOT_COMPARED, null, null, null));
            } else if (c.reference()) {
                rows.add(new ForestData.Row(label, ForestData.Kind.REFERENCE, 1.0, null, null));
            } else {
                ForestData.Kind kind = c.comparison() == Comparison.WORSE ? ForestData.Kind.WORSE
                        : c.comparison() == Comparison.BETTER ? ForestData.Kind.BETTER : ForestData.Kind.SIMILAR;
                rows.add(new ForestData.Row(label, kind, c.ratio(), c.low(), c.high()));
            }
        }
        return new ForestData(measure, rows, note(family));
    }

    /** The footnote saying how flags are controlled for multiplicity. */
    static String note(EquityComparison.Family family) {
        int comparisons = family.familySize();
        if (family.comparisons() == 0) {
            return "No patient groups could be compared (too few reportable groups).";
        }
        return "Each group is compared with the largest group of its kind (ref.). Intervals are ordinary 95% intervals; "
                + "flags control the false discovery rate at 5% across all " + comparisons + " comparison"
                + (comparisons == 1 ? "" : "s") + " of this scorecard (Benjamini–Hochberg, favourable and unfavourable "
                + "differences alike) and need a difference of at least 10%. Suppressed and unknown groups are "
                + "listed, not compared.";
    }
}
