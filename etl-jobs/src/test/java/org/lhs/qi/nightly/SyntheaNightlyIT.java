package org.lhs.qi.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.QiApplication;
import org.lhs.qi.SharedMaterial;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly job on the real Synthea samples of {@code ../shared/synthea}: the format is detected from the
 * folder, every file reconciles (read = staged + quarantined + skipped) and the starter indicators compute.
 * Expected counts were taken from the CSV files by hand (row counts, NO_INSURANCE payers, snf/hospice classes).
 */
@SpringBatchTest
@SpringBootTest(classes = QiApplication.class,
        properties = {"spring.batch.job.enabled=false", "qi.organisation-name=Test Health System"})
class SyntheaNightlyIT {

    static final Path DEFINITIONS = Path.of("../indicator-definitions");

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
    JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path output;

    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                TRUNCATE ehr.site, ehr.patient, ehr.coverage, ehr.encounter, ehr.unit_stay, ehr.device_episode,
                    ehr.condition, ehr.procedure, ehr.observation, ehr.medication, ehr.safety_event,
                    ehr.survey_response, qi.member, qi.result, qi.extract_file, qi.quarantine, qi.report_file,
                    qi.ingest_reconciliation, qi.run RESTART IDENTITY CASCADE""").update();
        for (String t : List.of("site", "patient", "coverage", "encounter", "unit_stay", "device_episode", "condition",
                "procedure", "observation", "medication", "safety_event", "survey_response")) {
            jdbc.sql("TRUNCATE staging." + t).update();
        }
        jdbc.sql("""
                TRUNCATE batch_step_execution_context, batch_step_execution, batch_job_execution_context,
                    batch_job_execution_params, batch_job_execution, batch_job_instance""").update();
    }

    @Test
    void synthea30SampleLoadsAndReconciles() throws Exception {
        Path extract = SharedMaterial.require("synthea/v3.0-27-patients");
        // the sample's last inpatient stay ends in October 2020: 2021 gives the 2020 periods something to count
        JobExecution execution = jobOperatorTestUtils.startJob(parameters(LocalDate.of(2021, 1, 1), extract));
        assertEquals(BatchStatus.COMPLETED, execution.getStatus(), () -> execution.getAllFailureExceptions().toString());

        // rows per file (wc -l minus the header); skipped: 258 NO_INSURANCE transitions, 3 devices
        // (2 coronary stents, 1 other) that are neither central line, urinary catheter nor ventilator
        assertReconciled("organizations.csv", 63, 0);
        assertReconciled("patients.csv", 27, 0);
        assertReconciled("payers.csv", 10, 10);
        assertReconciled("payer_transitions.csv", 1051, 258);
        assertReconciled("encounters.csv", 604, 0);
        assertReconciled("devices.csv", 3, 3);
        assertReconciled("conditions.csv", 438, 0);
        assertReconciled("procedures.csv", 249, 0);
        assertReconciled("observations.csv", 990, 0);
        assertReconciled("medications.csv", 663, 0);
        assertReconciled("immunizations.csv", 29, 0);

        // after normalise, per file: read = loaded + quarantined (at ingest or as unresolved) + skipped + superseded
        // duplicates; the sample is clean, so nothing is quarantined and every staged row is loaded or a duplicate
        List<Map<String, Object>> loaded = jdbc.sql("""
                SELECT file_name, rows_read, rows_loaded, rows_quarantined, rows_unresolved, rows_skipped, rows_duplicate
                FROM qi.ingest_reconciliation_loaded WHERE source_format = 'synthea' AND status IS NOT NULL""").query().listOfRows();
        assertEquals(10, loaded.size(), "every staged file (all but payers.csv) is reconciled after loading");
        for (Map<String, Object> f : loaded) {
            long read = ((Number) f.get("rows_read")).longValue();
            long sum = ((Number) f.get("rows_loaded")).longValue() + ((Number) f.get("rows_quarantined")).longValue()
                    + ((Number) f.get("rows_unresolved")).longValue() + ((Number) f.get("rows_skipped")).longValue()
                    + ((Number) f.get("rows_duplicate")).longValue();
            assertEquals(read, sum, f.get("file_name") + ": read = loaded + quarantined + unresolved + skipped + duplicate");
            assertEquals(0L, ((Number) f.get("rows_unresolved")).longValue(), f.get("file_name") + " unresolved");
        }
        assertEquals(27, count("ehr.patient"));
        assertEquals(604, count("ehr.encounter"));
        assertEquals(63, count("ehr.site"));
        // 3 white + … : the 27 patients are 13 + 1 men (M) and 11 + 1 + 1 women (F)
        assertEquals(14, jdbc.sql("SELECT count(*) FROM ehr.patient WHERE sex = 'male'").query(Long.class).single());
        assertEquals(1, jdbc.sql("SELECT count(*) FROM ehr.patient WHERE race = 'native-hawaiian-or-other-pacific-islander'"
                + " AND ethnicity = 'hispanic-or-latino'").query(Long.class).single());
        assertEquals(29, jdbc.sql("SELECT count(*) FROM ehr.medication WHERE kind = 'administration' AND code_system = 'CVX'")
                .query(Long.class).single());
        // the whole job ran: indicators computed and summarised for the business date
        assertThat(jdbc.sql("SELECT count(*) FROM qi.result WHERE business_date = DATE '2021-01-01'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void synthea33SampleLoadsAndIndicatorsCompute() throws Exception {
        Path extract = SharedMaterial.require("synthea/v3.3-20-patients");
        JobExecution execution = jobOperatorTestUtils.startJob(parameters(LocalDate.of(2026, 11, 23), extract));
        assertEquals(BatchStatus.COMPLETED, execution.getStatus(), () -> execution.getAllFailureExceptions().toString());

        // 23 NO_INSURANCE transitions; 2 encounters of class snf/hospice; all 137 devices are untracked kinds
        assertReconciled("patients.csv", 20, 0);
        assertReconciled("payer_transitions.csv", 223, 23);
        assertReconciled("encounters.csv", 979, 2);
        assertReconciled("devices.csv", 137, 137);
        assertReconciled("observations.csv", 13136, 0);
        assertReconciled("procedures.csv", 2902, 0);
        assertEquals(20, count("ehr.patient"));
        assertEquals(977, count("ehr.encounter"));
        // 31 procedures belong to the 2 skipped encounters: quarantined at normalise with the reason
        assertEquals(31, jdbc.sql("SELECT count(*) FROM qi.quarantine WHERE file_name = 'procedures.csv'"
                + " AND reason LIKE 'encounter_id % not found%'").query(Long.class).single());
        Map<String, Object> procedures = jdbc.sql("""
                SELECT rows_staged, rows_loaded, rows_unresolved, rows_duplicate FROM qi.ingest_reconciliation_loaded
                WHERE file_name = 'procedures.csv'""").query().singleRow();
        assertEquals(2902L, ((Number) procedures.get("rows_staged")).longValue());
        assertEquals(31L, ((Number) procedures.get("rows_unresolved")).longValue());
        assertEquals(2902L - 31, ((Number) procedures.get("rows_loaded")).longValue()
                + ((Number) procedures.get("rows_duplicate")).longValue());
        // two patients have diabetes (SNOMED-CT 44054006) recorded
        assertEquals(2, jdbc.sql("SELECT count(DISTINCT patient_id) FROM ehr.condition WHERE code_system = 'SNOMED-CT'"
                + " AND code = '44054006'").query(Long.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM qi.result WHERE business_date = DATE '2026-11-23'")
                .query(Long.class).single()).isPositive();
    }

    /** Not a method returning JobExecution: the batch test listener would take it for a job-scope factory. */
    private org.springframework.batch.core.job.parameters.JobParameters parameters(LocalDate businessDate, Path extract) {
        return new NightlyParameters(businessDate, 0, extract, DEFINITIONS, output).toJobParameters();
    }

    private void assertReconciled(String file, long read, long skipped) {
        Map<String, Object> r = jdbc.sql("""
                SELECT rows_read, rows_staged, rows_quarantined, rows_skipped FROM qi.ingest_reconciliation
                WHERE file_name = ? AND source_format = 'synthea'""").param(file).query().singleRow();
        long staged = ((Number) r.get("rows_staged")).longValue();
        long quarantined = ((Number) r.get("rows_quarantined")).longValue();
        assertEquals(read, ((Number) r.get("rows_read")).longValue(), file + " read");
        assertEquals(skipped, ((Number) r.get("rows_skipped")).longValue(), file + " skipped");
        assertEquals(0, quarantined, file + " quarantined at ingest");
        assertEquals(read, staged + quarantined + skipped, file + " read = staged + quarantined + skipped");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
