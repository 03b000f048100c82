package org.lhs.qi.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds where the definition an indicator's monthly results were computed with changes along the chart: a
 * month whose version or content hash differs from the previous charted month starts a new definition.
 */
final class DefinitionBreaks {

    private DefinitionBreaks() {}

    /** The breaks of the audience's monthly rows (months without a row are skipped, not breaks). */
    static List<ChartData.Break> of(List<LocalDate> months, Map<LocalDate, ResultRow> byMonth) {
        List<ChartData.Break> breaks = new ArrayList<>();
        ResultRow previous = null;
        for (int i = 0; i < months.size(); i++) {
            ResultRow r = byMonth.get(months.get(i));
            if (r == null || r.definitionKey() == null) {
                continue;
            }
            if (previous != null && !Objects.equals(previous.definitionKey(), r.definitionKey())) {
                boolean sameVersion = Objects.equals(previous.indicatorVersion(), r.indicatorVersion());
                breaks.add(new ChartData.Break(i, "definition v" + r.indicatorVersion() + (sameVersion ? " (edited)" : "")));
            }
            previous = r;
        }
        return breaks;
    }
}
