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
        String targetLabel) implements Serializable {

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
