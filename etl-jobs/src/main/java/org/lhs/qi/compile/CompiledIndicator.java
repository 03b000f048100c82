package org.lhs.qi.compile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one indicator for all its reporting periods at once ({@code INSERT INTO qi.member ... SELECT ...}) and
 * the bind parameters it needs besides those of {@link #bindings}.
 */
public record CompiledIndicator(String indicatorId, String sql, Map<String, Object> parameters) {

    /** One reporting period as the SQL sees it: {@code [start, end)} and the {@code period_kind} written to qi.member. */
    public record Period(String kind, LocalDate start, LocalDate end) {}

    /** Every bind parameter of {@link #sql} for a business date, run and non-empty list of periods. */
    public Map<String, Object> bindings(LocalDate businessDate, long runId, List<Period> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("no reporting period for " + indicatorId);
        }
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("business_date", businessDate);
        all.put("run_id", runId);
        all.put("period_kinds", periods.stream().map(Period::kind).toList());
        all.put("period_starts", periods.stream().map(Period::start).toList());
        all.put("period_ends", periods.stream().map(Period::end).toList());
        return all;
    }
}
