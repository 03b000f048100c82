package org.lhs.qi.report;

import java.util.Comparator;
import java.util.List;

/**
 * Trend of a continuous-variable indicator: the mean of the monthly medians of the latest 3 months, each weighted
 * by its number of observations, against the same for the 3 months before. Medians cannot be pooled like counts
 * (the median of the union is not a function of the monthly medians), so the weighted mean of the monthly values
 * stands in; the verdict thresholds are those of {@link Trend}. Suppressed months are left out.
 */
public final class ContinuousTrend {

    private ContinuousTrend() {}

    /** Trend of the given overall rows of one audience (any order). */
    public static Trend of(List<ResultRow> rows, Improvement improvement) {
        List<ResultRow> sorted = rows.stream().sorted(Comparator.comparing(ResultRow::periodStart)).toList();
        if (sorted.size() < 2 * Trend.WINDOW) {
            return new Trend(Trend.Direction.INSUFFICIENT, null, null);
        }
        int n = sorted.size();
        Double previous = weighted(sorted.subList(n - 2 * Trend.WINDOW, n - Trend.WINDOW));
        Double latest = weighted(sorted.subList(n - Trend.WINDOW, n));
        if (previous == null || latest == null) {
            return new Trend(Trend.Direction.INSUFFICIENT, previous, latest);
        }
        double change = latest - previous;
        double scale = Math.max(Math.abs(previous), 1e-12);
        if (change == 0 || Math.abs(change) / scale < Trend.STABLE_RELATIVE_CHANGE) {
            return new Trend(Trend.Direction.STABLE, previous, latest);
        }
        return new Trend(improvement.better(previous, latest) ? Trend.Direction.IMPROVING : Trend.Direction.WORSENING,
                previous, latest);
    }

    /** Σ nᵢ·medianᵢ / Σ nᵢ over the reportable months (n = observations), null with fewer than 2 of them. */
    private static Double weighted(List<ResultRow> window) {
        List<ResultRow> reportable = window.stream().filter(r -> !r.suppressed() && r.rate() != null).toList();
        if (reportable.size() < Trend.MIN_MONTHS) {
            return null;
        }
        double weight = reportable.stream().mapToDouble(ResultRow::numerator).sum();
        if (weight <= 0) {
            return null;
        }
        return reportable.stream().mapToDouble(r -> r.numerator() * r.rate()).sum() / weight;
    }
}
