package org.lhs.qi.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.QiApplication;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.quality.DataQualityGate;
import org.lhs.qi.quality.GateResult;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The data-quality gate inside the nightly job: the hand-checked extract of {@link NightlyJobIT} with a planted
 * critical defect stops the run in {@code checkDataQualityStep}, before anything is computed or published, and
 * the failure names the check, table, site and offending source rows.
 */
@SpringBootTest(classes = QiApplication.class, properties = "spring.batch.job.enabled=false")
class DataQualityGateJobIT {

    static final LocalDate BUSINESS_DATE = NightlyJobIT.BUSINESS_DATE;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseSettings db = TestDatabase.settings();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        if (db.password() != null) {
            registry.add("spring.datasource.password", db::password);
        }
    }

    @Autowired
    NightlyRunner runner;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path work;

    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                TRUNCATE ehr.site, ehr.patient, ehr.coverage, ehr.encounter, ehr.unit_stay, ehr.device_episode,
                    ehr.condition, ehr.procedure, ehr.observation, ehr.medication, ehr.safety_event,
                    ehr.survey_response, qi.member, qi.result, qi.extract_file, qi.quarantine, qi.report_file,
                    qi.run, qi.dq_result, qi.dq_table_count RESTART IDENTITY CASCADE""").update();
        for (String t : List.of("site", "patient", "coverage", "encounter", "unit_stay", "device_episode", "condition",
                "procedure", "observation", "medication", "safety_event", "survey_response")) {
            jdbc.sql("TRUNCATE staging." + t).update();
        }
        jdbc.sql("""
                TRUNCATE batch_step_execution_context, batch_step_execution, batch_job_execution_context,
                    batch_job_execution_params, batch_job_execution, batch_job_instance""").update();
    }

    /** A copy of the hand-checked extract whose observation.csv is replaced by {@code observations}. */
    private Path extractWith(List<String> observations) throws IOException {
        Path extract = Files.createDirectories(work.resolve("extract"));
        try (Stream<Path> files = Files.list(NightlyJobIT.EXTRACT)) {
            for (Path f : files.toList()) {
                Files.copy(f, extract.resolve(f.getFileName()));
            }
        }
        Files.write(extract.resolve("observation.csv"), observations);
        return extract;
    }

    private static List<String> handCheckedObservations() throws IOException {
        return Files.readAllLines(NightlyJobIT.EXTRACT.resolve("observation.csv"));
    }

    @Test
    void missingHbA1cValuesAtOneSiteStopTheRunBeforeAnythingIsComputed() throws Exception {
        // every HbA1c row loses its value; all HbA1c patients (P01–P17) are attributed to site A
        List<String> observations = handCheckedObservations().stream().map(line -> {
            String[] f = line.split(",", -1);
            if (f.length == 11 && (f[4].equals("4548-4") || f[4].equals("17856-6"))) {
                f[6] = "";
            }
            return String.join(",", f);
        }).toList();
        Path output = work.resolve("out");

        JobExecution execution = runner.run(BUSINESS_DATE, extractWith(observations), NightlyJobIT.DEFINITIONS, output);

        assertEquals(BatchStatus.FAILED, execution.getStatus());
        String message = execution.getAllFailureExceptions().getFirst().getMessage();
        assertThat(message).startsWith("data-quality gate failed for 2026-11-23:")
                .contains(") table observation, site A: observed 0.00%, threshold ≥ 90.00%\n      0.00% of")
                .contains("check hba1c-value-present (required-share, ")
                .contains("first offending rows: O-A1C-001 (observation.csv:2), O-A1C-002 (observation.csv:3)")
                .doesNotContain("site B");
        assertStoppedBeforeComputing(execution, output);
        // the findings stay for the appendix and for people: failed for A and ALL, passed checks recorded too
        assertEquals(Set.of("A", "ALL"), Set.copyOf(jdbc.sql("""
                SELECT site_key FROM qi.dq_result WHERE run_id = :r AND check_id = 'hba1c-value-present'
                AND NOT passed""").param("r", execution.getId()).query(String.class).list()));
        assertThat(jdbc.sql("SELECT count(*) FROM qi.dq_result WHERE run_id = :r AND passed")
                .param("r", execution.getId()).query(Long.class).single()).isGreaterThan(20);
        assertThat(jdbc.sql("SELECT message FROM qi.run WHERE run_id = :r").param("r", execution.getId())
                .query(String.class).single()).contains("hba1c-value-present");
    }

    @Test
    void anEmptyObservationFileStopsTheRun() throws Exception {
        Path output = work.resolve("out");
        JobExecution execution = runner.run(BUSINESS_DATE, extractWith(handCheckedObservations().subList(0, 1)),
                NightlyJobIT.DEFINITIONS, output);

        assertEquals(BatchStatus.FAILED, execution.getStatus());
        assertThat(execution.getAllFailureExceptions().getFirst().getMessage())
                .contains("check observation-not-empty (table-not-empty, ")
                .contains(") table observation, site ALL: observed 0, threshold ≥ 1\n      0 row(s) in"
                        + " observation (at least 1 required)");
        assertStoppedBeforeComputing(execution, output);
    }

    @Test
    void theHandCheckedExtractPassesEveryCriticalCheckAndAVolumeDropIsCaught() throws Exception {
        Path output = work.resolve("out");
        JobExecution first = runner.run(BUSINESS_DATE, NightlyJobIT.EXTRACT, NightlyJobIT.DEFINITIONS, output);
        assertEquals(BatchStatus.COMPLETED, first.getStatus(), () -> first.getAllFailureExceptions().toString());
        assertEquals(List.of(), jdbc.sql("SELECT check_id || '/' || site_key FROM qi.dq_result WHERE run_id = :r"
                + " AND severity = 'critical' AND NOT passed").param("r", first.getId()).query(String.class).list());
        // 43 patients (31 at A, 12 at B): counts recorded for the next run's volume check
        assertEquals(43L, jdbc.sql("SELECT row_count FROM qi.dq_table_count WHERE run_id = :r AND table_name = 'patient'"
                + " AND site_key = 'ALL'").param("r", first.getId()).query(Long.class).single());

        assertEquals(12L, jdbc.sql("SELECT row_count FROM qi.dq_table_count WHERE run_id = :r AND table_name = 'patient'"
                + " AND site_key = 'B'").param("r", first.getId()).query(Long.class).single());
        // had the previous run counted twice site B's patients, today's count is a 50 % drop: critical at B only
        jdbc.sql("UPDATE qi.dq_table_count SET row_count = 2 * row_count WHERE run_id = :r AND table_name = 'patient'"
                + " AND site_key = 'B'").param("r", first.getId()).update();
        long next = first.getId() + 1000;
        // tonight's extract is the same files (as if loaded unchanged), so only the warehouse counts differ
        jdbc.sql("""
                INSERT INTO qi.ingest_reconciliation (run_id, extract_file_id, source_format, file_name, table_name,
                    rows_read, rows_staged, rows_quarantined, rows_skipped, unchanged)
                SELECT :next, extract_file_id, source_format, file_name, table_name, 0, 0, 0, 0, true
                FROM qi.ingest_reconciliation WHERE run_id = :r""").param("next", next).param("r", first.getId()).update();
        GateResult gate = new DataQualityGate(dataSource).run(
                DataQualityGate.load(NightlyJobIT.DEFINITIONS.resolve("data-quality")), next, BUSINESS_DATE);
        assertEquals(List.of("patient-volume/B"),
                gate.blocking().stream().map(o -> o.check().id() + "/" + o.siteKey()).toList());
        assertEquals(0.5, gate.blocking().getFirst().observed(), 1e-12);
        jdbc.sql("DELETE FROM qi.dq_result WHERE run_id = :r").param("r", next).update();
        jdbc.sql("DELETE FROM qi.dq_table_count WHERE run_id = :r").param("r", next).update();
        jdbc.sql("DELETE FROM qi.dq_extract_count WHERE run_id = :r").param("r", next).update();
        jdbc.sql("DELETE FROM qi.dq_extract_run WHERE run_id = :r").param("r", next).update();
        jdbc.sql("DELETE FROM qi.ingest_reconciliation WHERE run_id = :r").param("r", next).update();
    }

    private void assertStoppedBeforeComputing(JobExecution execution, Path output) throws IOException {
        assertEquals(List.of("ingestExtractStep", "checkExtractStep", "normaliseWarehouseStep", "checkDataQualityStep"),
                execution.getStepExecutions().stream().map(s -> s.getStepName()).toList());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.member").query(Long.class).single());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.result").query(Long.class).single());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.report_file").query(Long.class).single());
        List<Path> written = Files.exists(output)
                ? Files.walk(output).filter(Files::isRegularFile).collect(Collectors.toList()) : List.of();
        assertEquals(List.of(), written, "no PDF and no manifest");
    }
}
