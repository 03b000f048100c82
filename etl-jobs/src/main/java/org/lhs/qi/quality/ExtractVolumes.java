package org.lhs.qi.quality;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a run's extract delivered per table and site ({@code qi.dq_extract_count}) and whether it was a full or
 * an incremental extract ({@code qi.dq_extract_run}). The mode is what {@code extract.properties} in the extract
 * folder declares ({@code mode=full|incremental}); without it, an extract with deletion rows is incremental and
 * any other is full — so a daily-changes extract without deletions must declare itself, or its small files are
 * judged as a collapsed full extract (the safe mistake).
 */
final class ExtractVolumes {

    /** The declaration file in the extract folder. */
    static final String DECLARATION = "extract.properties";

    /** A run's extract mode and why. */
    record ExtractRun(long runId, LocalDate businessDate, ExtractMode mode, String reason) {}

    /** What one table delivered for one site ({@code ALL} or a site source id). */
    record Delivered(String files, long rows) {}

    /** Per table, per site key, what a run's extract delivered. */
    record Snapshot(Map<String, Map<String, Delivered>> byTable) {
        Optional<Delivered> get(String table, String siteKey) {
            return Optional.ofNullable(byTable.getOrDefault(table, Map.of()).get(siteKey));
        }
    }

    private ExtractVolumes() {}

    /** Records the run's delivered counts and mode (replacing an earlier record of the same run). */
    static ExtractRun record(JdbcClient jdbc, long runId, LocalDate businessDate, Path extractDir) {
        jdbc.sql("DELETE FROM qi.dq_extract_count WHERE run_id = :run").param("run", runId).update();
        jdbc.sql("""
                INSERT INTO qi.dq_extract_count (run_id, table_name, site_key, file_names, row_count)
                WITH files AS (   -- tonight's files per table, unchanged (already loaded) ones included
                    SELECT DISTINCT r.extract_file_id AS id, r.table_name, r.file_name FROM qi.ingest_reconciliation r
                    WHERE r.run_id = :run AND r.extract_file_id IS NOT NULL),
                per_file AS (
                    SELECT f.table_name, f.file_name, p.site_key, p.row_count
                    FROM files f JOIN qi.dq_extract_profile p ON p.extract_file_id = f.id
                    UNION ALL     -- not profiled (e.g. FHIR, or loaded before profiles existed): the staged count
                    SELECT f.table_name, f.file_name, 'ALL', COALESCE((SELECT r.rows_staged FROM qi.ingest_reconciliation r
                        WHERE r.extract_file_id = f.id AND r.table_name = f.table_name AND NOT r.unchanged
                        ORDER BY r.id DESC LIMIT 1), 0)
                    FROM files f WHERE NOT EXISTS (SELECT 1 FROM qi.dq_extract_profile p WHERE p.extract_file_id = f.id))
                SELECT :run, table_name, site_key, string_agg(DISTINCT file_name, ', ' ORDER BY file_name), sum(row_count)
                FROM per_file GROUP BY table_name, site_key""").param("run", runId).update();
        ExtractRun run = mode(jdbc, runId, businessDate, extractDir);
        jdbc.sql("DELETE FROM qi.dq_extract_run WHERE run_id = :run").param("run", runId).update();
        jdbc.sql("""
                INSERT INTO qi.dq_extract_run (run_id, business_date, extract_mode, mode_reason)
                VALUES (:run, :date, :mode, :reason)""").param("run", runId).param("date", businessDate)
                .param("mode", run.mode().label()).param("reason", run.reason()).update();
        return run;
    }

    private static ExtractRun mode(JdbcClient jdbc, long runId, LocalDate businessDate, Path extractDir) {
        Optional<ExtractMode> declared = declared(extractDir);
        if (declared.isPresent()) {
            return new ExtractRun(runId, businessDate, declared.get(), "declared in " + DECLARATION);
        }
        List<String> withDeletions = jdbc.sql("""
                SELECT DISTINCT r.file_name FROM qi.ingest_reconciliation r
                JOIN qi.dq_extract_profile p ON p.extract_file_id = r.extract_file_id AND p.site_key = 'ALL'
                WHERE r.run_id = :run AND p.deletion_count > 0 ORDER BY 1""").param("run", runId)
                .query(String.class).list();
        return withDeletions.isEmpty()
                ? new ExtractRun(runId, businessDate, ExtractMode.FULL, "no deletion rows and no " + DECLARATION)
                : new ExtractRun(runId, businessDate, ExtractMode.INCREMENTAL, "deletion rows in "
                        + String.join(", ", withDeletions));
    }

    /** The mode {@code extract.properties} declares, if the folder has one; a bad value fails loudly. */
    static Optional<ExtractMode> declared(Path extractDir) {
        if (extractDir == null || !Files.isRegularFile(extractDir.resolve(DECLARATION))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(extractDir.resolve(DECLARATION), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + extractDir.resolve(DECLARATION) + ": " + e.getMessage(), e);
        }
        String mode = p.getProperty("mode");
        if (mode == null) {
            return Optional.empty();
        }
        return Optional.of(ExtractMode.byLabel(mode.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException(extractDir.resolve(DECLARATION) + ": mode '" + mode.strip()
                        + "' must be one of " + String.join(", ", ExtractMode.labels()))));
    }

    /** The recorded mode of a run, if the gate recorded one. */
    static Optional<ExtractRun> run(JdbcClient jdbc, long runId) {
        return jdbc.sql("SELECT run_id, business_date, extract_mode, mode_reason FROM qi.dq_extract_run WHERE run_id = :run")
                .param("run", runId).query((rs, n) -> new ExtractRun(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        ExtractMode.byLabel(rs.getString(3)).orElseThrow(), rs.getString(4)))
                .optional();
    }

    /** The latest earlier run that completed with an extract of this mode. */
    static Optional<ExtractRun> previous(JdbcClient jdbc, long runId, ExtractMode mode) {
        return jdbc.sql("""
                SELECT e.run_id, e.business_date, e.extract_mode, e.mode_reason FROM qi.dq_extract_run e
                JOIN qi.run r ON r.run_id = e.run_id
                WHERE r.status = 'COMPLETED' AND e.run_id < :run AND e.extract_mode = :mode
                ORDER BY e.run_id DESC LIMIT 1""").param("run", runId).param("mode", mode.label())
                .query((rs, n) -> new ExtractRun(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        ExtractMode.byLabel(rs.getString(3)).orElseThrow(), rs.getString(4)))
                .optional();
    }

    static Snapshot snapshot(JdbcClient jdbc, long runId) {
        Map<String, Map<String, Delivered>> byTable = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT table_name, site_key, file_names, row_count FROM qi.dq_extract_count WHERE run_id = :run
                ORDER BY table_name, site_key <> 'ALL', site_key""").param("run", runId)
                .query((rs, n) -> byTable.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                        .put(rs.getString(2), new Delivered(rs.getString(3), rs.getLong(4))))
                .list();
        return new Snapshot(byTable);
    }

    /** The tables to judge: the named one, or every table either extract delivered, in load order. */
    static List<String> tables(CheckDefinition check, Snapshot current, Snapshot previous) {
        if (check.table() != null) {
            return List.of(check.table().tableName());
        }
        java.util.Set<String> names = new java.util.HashSet<>(current.byTable().keySet());
        names.addAll(previous.byTable().keySet());
        List<String> order = DqTable.names();
        return names.stream().sorted(java.util.Comparator.comparingInt((String t) -> order.indexOf(t) < 0
                ? Integer.MAX_VALUE : order.indexOf(t)).thenComparing(t -> t)).toList();
    }

    /** How people recognise the previous extract in messages. */
    static String describe(ExtractRun previous) {
        return "the previous " + previous.mode().label() + " extract (run " + previous.runId() + ", "
                + previous.businessDate() + ")";
    }
}
