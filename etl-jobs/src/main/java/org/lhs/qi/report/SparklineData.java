package org.lhs.qi.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The summary table's sparkline of one indicator: its 12 monthly values on the chart scale (null where suppressed),
 * the target (may be null) and the special-cause mark of each month (null when none).
 */
public record SparklineData(List<Double> values, Double target, List<ChartData.Mark> marks) implements Serializable {

    public SparklineData {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        marks = Collections.unmodifiableList(new ArrayList<>(marks));
    }

    /** The sparkline of a trend chart: its first series, target and marks. */
    static SparklineData of(ChartData chart) {
        List<Double> values = chart.series().getFirst().values();
        List<ChartData.Mark> marks = chart.control() == null
                ? Collections.nCopies(values.size(), null) : chart.control().marks();
        return new SparklineData(values, chart.target(), marks);
    }
}
