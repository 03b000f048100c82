package org.lhs.qi.quality;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs data-quality checks over the warehouse for a run: records the run's table × site row counts (for
 * volume changes), runs every check and writes one {@code qi.dq_result} row per check and site. Rerunning for the
 * same run id replaces that run's rows. It does not decide what happens next: see {@link GateResult}.
 */
public final class DataQualityGate {

    private static final Logger log = LoggerFactory.getLogger(DataQualityGate.class);

    private final JdbcClient jdbc;

    public DataQualityGate(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Parses the check folder; throws with every positioned problem when a file is invalid. */
    public static List<CheckDefinition> load(Path dir) {
        CheckParser.Result r = CheckParser.parseDirectory(dir);
        if (r.hasErrors()) {
            throw new IllegalStateException("data-quality checks in " + dir + " have errors:\n  "
                    + r.diagnostics().stream().map(CheckDiagnostic::toString).collect(Collectors.joining("\n  ")));
        }
        return r.checks();
    }

    /** Runs the checks without an extract folder: extract volumes are judged, offending rows not located. */
    public GateResult run(List<CheckDefinition> checks, long runId, LocalDate businessDate) {
        return run(checks, runId, businessDate, null);
    }

    /**
     * Records the run's warehouse counts and what its extract delivered (with the extract's mode), runs every
     * check, looks up where the first offending rows of blocking findings are in the extract folder's files, and
     * writes one {@code qi.dq_result} row per outcome.
     *
     * @param extractDir tonight's extract folder (its {@code extract.properties} may declare the mode), or null
     */
    public GateResult run(List<CheckDefinition> checks, long runId, LocalDate businessDate, Path extractDir) {
        jdbc.sql("DELETE FROM qi.dq_result WHERE run_id = :run").param("run", runId).update();
        TableCounts.record(jdbc, runId, businessDate);
        ExtractVolumes.ExtractRun extract = ExtractVolumes.record(jdbc, runId, businessDate, extractDir);
        log.info("data quality: tonight's extract is {} ({})", extract.mode().label(), extract.reason());
        CheckContext context = new CheckContext(jdbc, runId, businessDate);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckDefinition check : checks) {
            long started = System.nanoTime();
            List<CheckOutcome> checkOutcomes = DataQualityCheck.of(check).run(context);
            for (CheckOutcome o : checkOutcomes) {
                if (!o.passed()) {
                    // ids and counts only: the sample source ids stay in the database and the failure message
                    log.warn("data quality: {} check {} failed for table {}, site {}: observed {}, threshold {}",
                            check.severity().label(), check.id(), o.tableName(), o.siteKey(), o.observed(),
                            check.threshold());
                }
            }
            log.debug("data quality: {} in {} ms", check.id(), (System.nanoTime() - started) / 1_000_000);
            outcomes.addAll(checkOutcomes);
        }
        outcomes = new OffendingRowLocator(jdbc, runId, extractDir).locate(outcomes);
        for (CheckOutcome o : outcomes) {
            insert(o, runId, businessDate);
        }
        GateResult result = new GateResult(runId, businessDate, outcomes);
        log.info("data quality: {} check(s), {} result(s), {} failed, {} blocking", checks.size(), outcomes.size(),
                result.failed(), result.blocking().size());
        return result;
    }

    private void insert(CheckOutcome o, long runId, LocalDate businessDate) {
        CheckDefinition c = o.check();
        jdbc.sql("""
                INSERT INTO qi.dq_result (run_id, business_date, check_id, table_name, site_key, severity, passed,
                    observed, threshold, message, kind, description, rows_checked, rows_offending, sample_source_ids,
                    outcome, sample_locations)
                VALUES (:run, :date, :check, :table, :site, :severity, :passed, :observed, :threshold, :message, :kind,
                    :description, :checked, :offending, :sample, :outcome, :locations)""")
                .param("run", runId).param("date", businessDate).param("check", c.id())
                .param("table", o.tableName()).param("site", o.siteKey()).param("severity", c.severity().label())
                .param("passed", o.passed())
                .param("observed", o.observed() == null ? null : java.math.BigDecimal.valueOf(o.observed()),
                        java.sql.Types.NUMERIC)
                .param("threshold", java.math.BigDecimal.valueOf(c.threshold()))
                .param("message", o.message()).param("kind", c.kind().label()).param("description", c.description())
                .param("checked", o.rowsChecked(), java.sql.Types.BIGINT)
                .param("offending", o.rowsOffending(), java.sql.Types.BIGINT)
                .param("sample", o.sampleSourceIds().toArray(String[]::new))
                .param("outcome", o.outcome())
                .param("locations", o.sampleLocations().stream().map(l -> l == null ? "" : l).toArray(String[]::new))
                .update();
    }
}
