package org.lhs.qi.report;

import java.util.Comparator;
import java.util.List;

/**
 * Trend of an indicator: the pooled rate of the latest 3 months against the pooled rate of the 3 months
 * before, judged by the improvement direction. Pooling (sum of numerators over sum of denominators) weighs
 * months by their size, so one small month cannot swing the verdict; suppressed months are left out.
 */
public record Trend(Direction direction, Double previous, Double latest) {

    /** Months in each window. */
    public static final int WINDOW = 3;
    /** Reportable months each window needs; fewer gives INSUFFICIENT. */
    public static final int MIN_MONTHS = 2;
    /** A relative change below this is "stable": month-to-month noise, not a signal. */
    public static final double STABLE_RELATIVE_CHANGE = 0.05;

    /** The verdict. */
    public enum Direction {
        IMPROVING("improving"), WORSENING("worsening"), STABLE("stable"), INSUFFICIENT("insufficient data");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        /** Label for people. */
        public String label() {
            return label;
        }
    }

    /** Trend of the given overall rows of one audience (any order; periods need not be complete). */
    public static Trend of(List<ResultRow> rows, Scoring scoring, Improvement improvement) {
        List<ResultRow> sorted = rows.stream().sorted(Comparator.comparing(ResultRow::periodStart)).toList();
        if (sorted.size() < 2 * WINDOW) {
            return new Trend(Direction.INSUFFICIENT, null, null);
        }
        int n = sorted.size();
        Double previous = pooled(sorted.subList(n - 2 * WINDOW, n - WINDOW), scoring);
        Double latest = pooled(sorted.subList(n - WINDOW, n), scoring);
        if (previous == null || latest == null) {
            return new Trend(Direction.INSUFFICIENT, previous, latest);
        }
        double change = latest - previous;
        double scale = Math.max(Math.abs(previous), 1e-12);
        if (change == 0 || Math.abs(change) / scale < STABLE_RELATIVE_CHANGE) {
            return new Trend(Direction.STABLE, previous, latest);
        }
        return new Trend(improvement.better(previous, latest) ? Direction.IMPROVING : Direction.WORSENING,
                previous, latest);
    }

    private static Double pooled(List<ResultRow> window, Scoring scoring) {
        List<ResultRow> reportable = window.stream().filter(r -> !r.suppressed()).toList();
        if (reportable.size() < MIN_MONTHS) {
            return null;
        }
        double numerator = reportable.stream().mapToDouble(ResultRow::numerator).sum();
        double base = reportable.stream().mapToDouble(r -> r.rateBase(scoring)).sum();
        return base > 0 ? numerator / base : null;
    }

    /** "↗ improving", "↘ worsening", "→ stable": the arrow shows where the rate moved, the word what that means. */
    public String label() {
        if (direction == Direction.INSUFFICIENT) {
            return direction.label();
        }
        String arrow = direction == Direction.STABLE ? "→" : latest > previous ? "↗" : "↘";
        return arrow + " " + direction.label();
    }
}
