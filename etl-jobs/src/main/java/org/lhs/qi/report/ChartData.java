package org.lhs.qi.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The numbers of an indicator's trend chart: one value per month per series, null where the month is
 * suppressed or missing (the point is then simply absent), and the target as a reference line.
 */
public record ChartData(String valueAxisLabel, List<String> months, List<Series> series, Double target,
        String targetLabel, Control control, List<Break> breaks) implements Serializable {

    /** A chart without definition changes. */
    public ChartData(String valueAxisLabel, List<String> months, List<Series> series, Double target,
            String targetLabel, Control control) {
        this(valueAxisLabel, months, series, target, targetLabel, control, List.of());
    }

    /**
     * A change of the indicator's definition: months from {@code month} (an index into {@code months}) on were
     * computed with a different definition than the month before; control limits never span it.
     */
    public record Break(int month, String label) implements Serializable {}

    /** A trend chart without control limits. */
    public ChartData(String valueAxisLabel, List<String> months, List<Series> series, Double target,
            String targetLabel) {
        this(valueAxisLabel, months, series, target, targetLabel, null);
    }

    /** How a special-cause point is marked. */
    public enum Mark { BETTER, WORSE, UNDIRECTED }

    /**
     * The control chart of the first series: centre line and 3σ limits per month on the chart scale (null
     * where the month has no chart point) and the special-cause mark of each month (null when none).
     */
    public record Control(List<Double> centre, List<Double> lower, List<Double> upper,
            List<Mark> marks) implements Serializable {
        public Control {
            centre = Collections.unmodifiableList(new ArrayList<>(centre));
            lower = Collections.unmodifiableList(new ArrayList<>(lower));
            upper = Collections.unmodifiableList(new ArrayList<>(upper));
            marks = Collections.unmodifiableList(new ArrayList<>(marks));
        }
    }

    /** All series with the target appended as a flat dashed series, so it appears in the legend. */
    public List<Series> seriesWithTarget() {
        if (target == null) {
            return series;
        }
        List<Series> all = new ArrayList<>(series);
        all.add(new Series(targetLabel, Collections.nCopies(months.size(), target), Emphasis.TARGET));
        return all;
    }

    public ChartData {
        months = List.copyOf(months);
        series = List.copyOf(series);
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    /** How a series is drawn. */
    public enum Emphasis { PRIMARY, COMPARISON, SITE, TARGET }

    /** One line of the chart. */
    public record Series(String name, List<Double> values, Emphasis emphasis) implements Serializable {
        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values)); // nulls allowed
        }
    }
}
