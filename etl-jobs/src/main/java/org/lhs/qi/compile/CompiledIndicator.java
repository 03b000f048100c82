package org.lhs.qi.compile;

import java.util.Map;

/**
 * The SQL of one indicator for one period ({@code INSERT INTO qi.member ... SELECT ...}) and the bind
 * parameters it needs besides the caller's {@code :business_date, :run_id, :period_kind, :period_start, :period_end}.
 */
public record CompiledIndicator(String indicatorId, String sql, Map<String, Object> parameters) {}
