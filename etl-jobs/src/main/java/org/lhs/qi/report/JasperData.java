package org.lhs.qi.report;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the scorecard's records into the maps Jasper's {@code JRMapCollectionDataSource} reads: Jasper's
 * bean data source only knows JavaBean getters, not record accessors, and maps keep the templates free of
 * any dependency on this module's classes. Chart data becomes a {@link ChartRenderable}.
 */
final class JasperData {

    private JasperData() {}

    /** The record's components by name, converted recursively. */
    static Map<String, Object> toMap(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                map.put(c.getName(), convert(c.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        return map;
    }

    /** Each record of the list as a map. */
    static List<Map<String, ?>> toMaps(List<? extends Record> records) {
        return records.stream().<Map<String, ?>>map(JasperData::toMap).toList();
    }

    private static Object convert(Object value) {
        return switch (value) {
            case ChartData chart -> new ChartRenderable(chart);
            case FunnelData funnel -> new FunnelRenderable(funnel);
            case SparklineData spark -> new SparklineRenderable(spark);
            case SiteIntervalData sites -> new SiteIntervalRenderable(sites);
            case ForestData forest -> forest.anyPlotted() ? new ForestRenderable(forest) : null;
            case Record r -> toMap(r);
            case List<?> list -> list.stream().map(JasperData::convert).toList();
            case null, default -> value;
        };
    }
}
