package org.lhs.qi.quality;

import java.util.List;

/**
 * {@code volume-change}: relative change of a table's row count (per site, optionally) against the latest
 * earlier run that completed, from the counts {@link TableCounts} records for every run.
 */
final class VolumeChangeCheck implements DataQualityCheck {

    private final CheckDefinition definition;

    VolumeChangeCheck(CheckDefinition definition) {
        if (definition.table() == null) {
            throw new IllegalArgumentException("volume-change needs a table");
        }
        this.definition = definition;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    String sql() {
        return """
                WITH prev_run AS (
                    SELECT max(c.run_id) AS run_id FROM qi.dq_table_count c JOIN qi.run r ON r.run_id = c.run_id
                    WHERE r.status = 'COMPLETED' AND c.run_id < :run_id AND c.table_name = :table),
                cur AS (SELECT site_key, row_count FROM qi.dq_table_count WHERE run_id = :run_id AND table_name = :table),
                prev AS (SELECT site_key, row_count FROM qi.dq_table_count
                         WHERE run_id = (SELECT run_id FROM prev_run) AND table_name = :table)
                SELECT COALESCE(cur.site_key, prev.site_key) AS site_key, COALESCE(cur.row_count, 0) AS current_count,
                       prev.row_count AS previous_count, (SELECT run_id FROM prev_run) AS previous_run
                FROM cur FULL JOIN prev ON prev.site_key = cur.site_key
                WHERE (:per_site OR COALESCE(cur.site_key, prev.site_key) = 'ALL')
                ORDER BY COALESCE(cur.site_key, prev.site_key) <> 'ALL', 1""";
    }

    @Override
    public List<CheckOutcome> run(CheckContext context) {
        return context.jdbc().sql(sql()).param("run_id", context.runId())
                .param("table", definition.table().tableName()).param("per_site", definition.perSite())
                .query((rs, n) -> judge(rs.getString("site_key"), rs.getLong("current_count"),
                        (Long) rs.getObject("previous_count", Long.class), (Long) rs.getObject("previous_run", Long.class)))
                .list();
    }

    /** |current − previous| / previous; null when there is nothing to compare with. */
    static Double relativeChange(long current, Long previous) {
        if (previous == null || previous == 0) {
            return null;
        }
        return Math.abs(current - previous) / (double) previous;
    }

    CheckOutcome judge(String siteKey, long current, Long previous, Long previousRun) {
        Double change = relativeChange(current, previous);
        if (change == null) {
            String why = previousRun == null ? "no earlier completed run to compare with"
                    : "no rows for this site in run " + previousRun;
            return new CheckOutcome(definition, siteKey, true, null, current + " row(s); " + why, current, null, List.of());
        }
        boolean passed = definition.kind().passes(change, definition.threshold());
        String direction = current >= previous ? "up" : "down";
        return new CheckOutcome(definition, siteKey, passed, change, current + " row(s), " + previous + " in run "
                + previousRun + ": " + direction + " " + Formats.percent(change) + " (at most "
                + Formats.percent(definition.threshold()) + " change allowed)", current, null, List.of());
    }
}
