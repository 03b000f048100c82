package org.lhs.qi.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.QiApplication;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.ExtractFormat;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * FHIR extracts in the nightly job: quarantined resources count against {@code qi.max-error-rate} (default 5%)
 * exactly like malformed CSV rows, and {@code extractFormat} forces the folder's format.
 */
@SpringBatchTest
@SpringBootTest(classes = QiApplication.class,
        properties = {"spring.batch.job.enabled=false", "qi.organisation-name=Test Health System"})
class FhirNightlyIT {

    static final Path DEFINITIONS = Path.of("../indicator-definitions");
    static final LocalDate DATE = LocalDate.of(2026, 11, 23);

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
    Path extract;

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
    void quarantinedResourcesAboveTheThresholdFailTheRunNamingTheFile() throws Exception {
        // 10 resources, 1 truncated line: 10% > 5% allowed
        writePatients(9, 1);
        JobExecution execution = jobOperatorTestUtils.startJob(parameters(ExtractFormat.AUTO));
        assertEquals(BatchStatus.FAILED, execution.getStatus());
        assertEquals(List.of("ingestExtractStep:COMPLETED", "checkExtractStep:FAILED"), steps(execution));
        assertThat(execution.getAllFailureExceptions().getFirst().getMessage())
                .contains("Patient.ndjson: 1 of 10 rows malformed (10.00% > 5.00% allowed)")
                .contains("line 10: line is not valid JSON");
        // nothing reached the warehouse
        assertEquals(0, jdbc.sql("SELECT count(*) FROM ehr.patient").query(Long.class).single());
    }

    @Test
    void quarantinedResourcesWithinTheThresholdPassTheCheckAndTheFileIsMarkedLoaded() throws Exception {
        // 20 resources, 1 truncated line: 5% is not above 5%
        writePatients(19, 1);
        JobParameters p = parameters(ExtractFormat.AUTO);
        assertEquals(BatchStatus.COMPLETED, jobOperatorTestUtils.startStep("ingestExtractStep", p, null).getStatus());
        assertEquals("staged", jdbc.sql("SELECT status FROM qi.extract_file WHERE table_name = 'fhir'")
                .query(String.class).single());
        // a step launched alone is a job instance of its own: the check gets another instance (rerun 1)
        JobParameters again = new JobParametersBuilder(p).addLong(NightlyParameters.RERUN, 1L, true).toJobParameters();
        JobExecution check = jobOperatorTestUtils.startStep("checkExtractStep", again, null);
        assertEquals(BatchStatus.COMPLETED, check.getStatus(), () -> check.getAllFailureExceptions().toString());
        assertEquals("loaded|20|1", jdbc.sql("""
                SELECT status || '|' || rows_read || '|' || rows_quarantined FROM qi.extract_file WHERE table_name = 'fhir'""")
                .query(String.class).single());
    }

    @Test
    void aForcedFormatPicksTheFilesOfAMixedFolder() throws Exception {
        writePatients(2, 0);
        Files.writeString(extract.resolve("site.csv"), "site_id,name\nS1,North\n");
        JobParameters p = parameters(ExtractFormat.FHIR);
        assertEquals(BatchStatus.COMPLETED, jobOperatorTestUtils.startStep("ingestExtractStep", p, null).getStatus());
        assertThat(jdbc.sql("SELECT source_format || ':' || file_name FROM qi.ingest_reconciliation ORDER BY file_name")
                .query(String.class).list()).containsExactly("fhir:Patient.ndjson");
    }

    @Test
    void aForcedFormatTheFolderDoesNotHoldFailsWithTheReason() throws Exception {
        writePatients(2, 0);
        JobExecution execution = jobOperatorTestUtils.startJob(parameters(ExtractFormat.SYNTHEA));
        assertEquals(BatchStatus.FAILED, execution.getStatus());
        assertThat(execution.getAllFailureExceptions().getFirst().getMessage())
                .contains("the extract format was forced to synthea but").contains("holds no Synthea export");
    }

    @Test
    void anUnknownFormatIsRefusedBeforeAnyStep() {
        JobParameters p = new JobParametersBuilder(parameters(ExtractFormat.AUTO))
                .addString(NightlyParameters.EXTRACT_FORMAT, "xml", false).toJobParameters();
        assertThatThrownBy(() -> new NightlyParameters.Validator().validate(p))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("extractFormat: extract format 'xml' is not one of auto, canonical, synthea, fhir");
    }

    private void writePatients(int good, int truncated) throws IOException {
        String lines = IntStream.rangeClosed(1, good).mapToObj(i -> "{\"resourceType\":\"Patient\",\"id\":\"FN" + i
                + "\",\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}").collect(Collectors.joining("\n"));
        for (int i = 0; i < truncated; i++) {
            lines += "\n{\"resourceType\":\"Patient\",\"id\":\"BROKEN" + i + "\",\"gend";
        }
        Files.writeString(extract.resolve("Patient.ndjson"), lines + "\n");
    }

    private List<String> steps(JobExecution execution) {
        return execution.getStepExecutions().stream().map(s -> s.getStepName() + ":" + s.getStatus()).toList();
    }

    private JobParameters parameters(ExtractFormat format) {
        return new NightlyParameters(DATE, 0, extract, DEFINITIONS, output, DEFINITIONS.resolve("data-quality"), format)
                .toJobParameters();
    }
}
