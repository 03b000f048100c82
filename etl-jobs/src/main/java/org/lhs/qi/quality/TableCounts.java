package org.lhs.qi.quality;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records the row count of every whitelisted table per site and overall for a run ({@code qi.dq_table_count}). */
final class TableCounts {

    private TableCounts() {}

    static void record(JdbcClient jdbc, long runId, LocalDate businessDate) {
        jdbc.sql("DELETE FROM qi.dq_table_count WHERE run_id = :run").param("run", runId).update();
        for (DqTable table : DqTable.values()) {
            jdbc.sql("INSERT INTO qi.dq_table_count (run_id, business_date, table_name, site_key, row_count)"
                    + " SELECT :run, :date, :table, CASE WHEN GROUPING(site_key) = 1 THEN 'ALL' ELSE site_key END,"
                    + " count(*) FROM (SELECT COALESCE(s.source_id, 'unknown') AS site_key FROM " + table.fromWithSite()
                    + ") r GROUP BY GROUPING SETS ((site_key), ())")
                    .param("run", runId).param("date", businessDate).param("table", table.tableName())
                    .update();
        }
    }
}
