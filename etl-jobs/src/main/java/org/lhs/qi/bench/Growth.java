package org.lhs.qi.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a figure grows with size: between two consecutive sizes s1 &lt; s2 with values v1, v2 the growth per 10×
 * is (v2 / v1)^(1 / log10(s2 / s1)), so 10k → 100k gives v2 / v1 directly and 10k → 50k is scaled to a 10× step.
 * A value of 10 is linear growth; the target is at most 11.
 */
public final class Growth {

    /** Unit of the derived growth metrics. */
    public static final String UNIT = "x per 10x";

    private Growth() {}

    /** Growth per 10× of one figure; NaN when either value is not positive or the sizes are equal. */
    public static double per10x(int size1, double value1, int size2, double value2) {
        if (value1 <= 0 || value2 <= 0 || size1 <= 0 || size2 <= size1) {
            return Double.NaN;
        }
        return Math.pow(value2 / value1, 1.0 / Math.log10((double) size2 / size1));
    }

    /**
     * Growth metrics for the named time figures between each pair of consecutive sizes, reported at the larger
     * size as {@code growth.<name>}.
     */
    public static List<Metric> of(List<Metric> metrics, List<String> names) {
        Map<String, TreeMap<Integer, Double>> bySize = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (names.contains(m.name())) {
                bySize.computeIfAbsent(m.name(), k -> new TreeMap<>()).put(m.patients(), m.value());
            }
        }
        List<Metric> growth = new ArrayList<>();
        for (String name : names) {
            TreeMap<Integer, Double> values = bySize.get(name);
            if (values == null) {
                continue;
            }
            Map.Entry<Integer, Double> previous = null;
            for (Map.Entry<Integer, Double> e : values.entrySet()) {
                if (previous != null) {
                    double g = per10x(previous.getKey(), previous.getValue(), e.getKey(), e.getValue());
                    if (!Double.isNaN(g)) {
                        growth.add(new Metric(e.getKey(), "growth." + name, g, UNIT));
                    }
                }
                previous = e;
            }
        }
        return growth;
    }
}
