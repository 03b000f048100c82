package org.lhs.qi.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Prints figures as a table: one line per metric, one column per size, then the growth per 10× when measured. */
public final class ResultsTable {

    private ResultsTable() {}

    public static String render(List<Metric> metrics) {
        TreeSet<Integer> sizes = new TreeSet<>();
        Map<String, Map<Integer, Metric>> rows = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> growth = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (m.name().startsWith("growth.")) {
                growth.computeIfAbsent(m.name().substring("growth.".length()), k -> new LinkedHashMap<>())
                        .put(m.patients(), m.value());
            } else {
                sizes.add(m.patients());
                rows.computeIfAbsent(m.name(), k -> new LinkedHashMap<>()).put(m.patients(), m);
            }
        }
        List<Integer> grown = sizes.stream().filter(s -> growth.values().stream().anyMatch(g -> g.containsKey(s))).toList();
        int width = Math.max(6, rows.keySet().stream().mapToInt(String::length).max().orElse(6));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s", "metric"));
        sizes.forEach(s -> out.append(String.format(Locale.ROOT, " %18s", String.format(Locale.ROOT, "%,d patients", s))));
        grown.forEach(s -> out.append(String.format(Locale.ROOT, " %14s", "per10x→" + compact(s))));
        out.append('\n');
        for (Map.Entry<String, Map<Integer, Metric>> row : rows.entrySet()) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s", row.getKey()));
            for (Integer s : sizes) {
                Metric m = row.getValue().get(s);
                out.append(String.format(Locale.ROOT, " %18s", m == null ? "" : format(m.value(), m.unit())));
            }
            for (Integer s : grown) {
                Double g = growth.getOrDefault(row.getKey(), Map.of()).get(s);
                out.append(String.format(Locale.ROOT, " %14s", g == null ? "" : String.format(Locale.ROOT, "%.1f×", g)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String format(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        return switch (unit) {
            case "rows" -> String.format(Locale.ROOT, "%,d", (long) value);
            case "rows/s" -> String.format(Locale.ROOT, "%,d/s", Math.round(value));
            case "ratio" -> String.format(Locale.ROOT, "%.2f", value);
            case "s" -> String.format(Locale.ROOT, "%.2f s", value);
            default -> String.format(Locale.ROOT, "%.1f %s", value, unit);
        };
    }

    private static String compact(int size) {
        return size % 1_000_000 == 0 ? size / 1_000_000 + "M" : size % 1000 == 0 ? size / 1000 + "k" : Integer.toString(size);
    }

    /** Names of the time figures whose growth per 10× is worth reporting (all seconds figures except generation). */
    static List<String> timeMetricNames(List<Metric> metrics) {
        List<String> names = new ArrayList<>();
        for (Metric m : metrics) {
            if (m.unit().equals("s") && !names.contains(m.name())) {
                names.add(m.name());
            }
        }
        return names;
    }
}
