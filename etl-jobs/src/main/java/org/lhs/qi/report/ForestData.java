package org.lhs.qi.report;

import java.io.Serializable;
import java.util.List;

/**
 * The numbers of an equity forest plot: one row per stratifier heading and per stratum, in the equity table's
 * order. Compared strata carry their ratio to the reference group and its 95% interval; the reference, suppressed
 * and not-compared strata are listed by name with what they are, and never plotted.
 *
 * @param measure what the ratio is ("Rate ratio to the largest group")
 * @param note    the multiplicity note printed under the plot
 */
public record ForestData(String measure, List<Row> rows, String note) implements Serializable {

    public ForestData {
        rows = List.copyOf(rows);
    }

    /** How a row is drawn. */
    public enum Kind {
        /** A stratifier's heading ("Race"). */
        HEADING,
        /** The reference group: a hollow mark at 1. */
        REFERENCE,
        /** Compared, not flagged. */
        SIMILAR,
        /** Flagged disparity, worse than the reference. */
        WORSE,
        /** Flagged, better than the reference. */
        BETTER,
        /** Suppressed (n&lt;11): listed, not plotted. */
        SUPPRESSED,
        /** Not compared (unknown group, or no events to form a ratio): listed, not plotted. */
        NOT_COMPARED
    }

    /** One row; {@code ratio}, {@code low}, {@code high} are null when not plotted ({@code high} also when unbounded). */
    public record Row(String label, Kind kind, Double ratio, Double low, Double high) implements Serializable {

        /** True when the row has a point to plot. */
        public boolean plotted() {
            return ratio != null && ratio > 0 && (kind == Kind.SIMILAR || kind == Kind.WORSE || kind == Kind.BETTER);
        }
    }

    /** True when at least one stratum has a point. */
    public boolean anyPlotted() {
        return rows.stream().anyMatch(Row::plotted);
    }
}
