package org.lhs.qi.quality;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the data-quality findings back for reports and {@code qi status}: {@link #forRun(long)} and
 * {@link #forBusinessDate(LocalDate)} give one {@link DataQualitySummary} per check × table × site, failed
 * first (critical before warning before info), then by category and check id.
 */
public final class DataQualityResults {

    /** Counts of one run's findings, for one-line summaries. */
    public record Tally(long runId, String extractMode, long results, long failed, long blocking,
            long notApplicable, List<String> failedCriticalChecks) {}

    private final JdbcClient jdbc;

    /** Reader on the given database. */
    public DataQualityResults(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Every finding of a run; empty when the gate did not run. */
    public List<DataQualitySummary> forRun(long runId) {
        return jdbc.sql("""
                SELECT run_id, check_id, description, kind, severity, table_name, site_key, observed, threshold,
                       COALESCE(outcome, CASE WHEN passed THEN 'passed' ELSE 'failed' END) AS outcome, message,
                       rows_checked, rows_offending, sample_source_ids, sample_locations
                FROM qi.dq_result WHERE run_id = :run
                ORDER BY passed, CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, check_id,
                         table_name, site_key <> 'ALL', site_key""")
                .param("run", runId).query((rs, n) -> summary(rs)).list();
    }

    /** The findings of the latest run of a business date that ran the gate (the one whose numbers were published). */
    public List<DataQualitySummary> forBusinessDate(LocalDate businessDate) {
        return latestRun(businessDate).map(this::forRun).orElse(List.of());
    }

    /** The latest run of a business date that ran the gate. */
    public Optional<Long> latestRun(LocalDate businessDate) {
        return jdbc.sql("SELECT run_id FROM qi.dq_result WHERE business_date = :d ORDER BY run_id DESC LIMIT 1")
                .param("d", businessDate).query(Long.class).optional();
    }

    /** How a run's gate went, in counts; empty when the gate did not run. */
    public Optional<Tally> tally(long runId) {
        return jdbc.sql("""
                SELECT count(*) AS results,
                       count(*) FILTER (WHERE NOT passed) AS failed,
                       count(*) FILTER (WHERE NOT passed AND severity = 'critical') AS blocking,
                       count(*) FILTER (WHERE outcome = 'not-applicable') AS not_applicable,
                       ARRAY(SELECT DISTINCT d.check_id FROM qi.dq_result d WHERE d.run_id = :run AND NOT d.passed
                             AND d.severity = 'critical' ORDER BY 1) AS critical_checks,
                       (SELECT extract_mode FROM qi.dq_extract_run e WHERE e.run_id = :run) AS mode
                FROM qi.dq_result WHERE run_id = :run HAVING count(*) > 0""")
                .param("run", runId)
                .query((rs, n) -> new Tally(runId, rs.getString("mode"), rs.getLong("results"), rs.getLong("failed"),
                        rs.getLong("blocking"), rs.getLong("not_applicable"), strings(rs.getArray("critical_checks"))))
                .optional();
    }

    private static DataQualitySummary summary(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        String category = kind == null ? "" : CheckKind.byLabel(kind).map(CheckKind::category).orElse("");
        String outcome = rs.getString("outcome");
        List<String> ids = strings(rs.getArray("sample_source_ids"));
        List<String> locations = strings(rs.getArray("sample_locations"));
        List<String> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String at = i < locations.size() ? locations.get(i) : "";
            rows.add(at == null || at.isEmpty() ? ids.get(i) : ids.get(i) + " (" + at + ")");
        }
        return new DataQualitySummary(rs.getLong("run_id"), rs.getString("check_id"), rs.getString("description"),
                category, kind, rs.getString("severity"), rs.getString("table_name"), rs.getString("site_key"),
                rs.getBigDecimal("observed"), rs.getBigDecimal("threshold"), outcome,
                "failed".equals(outcome) && "critical".equals(rs.getString("severity")), rs.getString("message"),
                (Long) rs.getObject("rows_checked", Long.class), (Long) rs.getObject("rows_offending", Long.class), rows);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
