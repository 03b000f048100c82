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
                "procedure", "observation", "medication", "safety_event", "survey_response", "request")) {
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

    /**
     * The eCQM fields travel the nightly path: FHIR NDJSON → ingestExtractStep (mappers → staging) → checkExtractStep →
     * normaliseWarehouseStep → ehr, with statuses kept and times normalised to UTC. A definition that filters
     * entered-in-error then ignores those rows; re-importing the same files changes nothing; a changed file replaces the
     * resources it updates (including an encounter's type list).
     */
    @Test
    void ecqmFieldsTravelTheNightlyPathIntoTheWarehouse() throws Exception {
        writeEcqmFixture();
        long first = ingestAndNormalise(1);
        // one line per source file: read = staged + quarantined + skipped (doNotPerform order, the Medication itself)
        assertThat(jdbc.sql("""
                SELECT file_name || ':' || rows_read || '=' || rows_staged || '+' || rows_quarantined || '+' || rows_skipped
                FROM qi.ingest_reconciliation WHERE run_id = :run ORDER BY file_name""")
                .param("run", first).query(String.class).list()).containsExactly(
                "Condition.ndjson:2=2+0+0", "DeviceRequest.ndjson:1=1+0+0", "Encounter.ndjson:2=2+0+0",
                "Medication.ndjson:1=0+0+1", "MedicationRequest.ndjson:2=1+0+1", "Observation.ndjson:4=4+0+0",
                "Patient.ndjson:1=1+0+0", "Procedure.ndjson:1=1+0+0", "ServiceRequest.ndjson:1=1+0+0");
        assertEquals(0, jdbc.sql("SELECT count(*) FROM qi.quarantine").query(Long.class).single());

        // encounters: every status kept; +02:00 → UTC; class, raw class code, coded disposition, type codes (not the local one)
        assertThat(rows("""
                SELECT e.source_id, e.status, e.class, e.class_code, to_char(e.admit_time, 'MM-DD HH24:MI'),
                       coalesce(to_char(e.discharge_time, 'HH24:MI'), '-'), e.discharge_disposition,
                       e.discharge_disposition_system || ':' || e.discharge_disposition_code,
                       (SELECT string_agg(t.code_system || ':' || t.code, ',' ORDER BY t.code_system, t.code)
                        FROM ehr.encounter_type t WHERE t.encounter_id = e.id)
                FROM ehr.encounter e ORDER BY e.source_id""")).containsExactly(
                "EQE1|finished|ambulatory|AMB|03-01 06:00|06:30|other|SNOMED-CT:306689006|CPT:99213,SNOMED-CT:185463005",
                "EQE2|cancelled|inpatient|IMP|04-01 10:00|-|null|null|null");
        // conditions: the ICD-10-CM coding rather than the local first one; -05:00 → 14:00 UTC; statuses and category
        assertThat(rows("""
                SELECT source_id, code_system || ':' || code, to_char(onset_time, 'YYYY-MM-DD HH24:MI'), status,
                       clinical_status, verification_status, category, to_char(recorded_time, 'MM-DD HH24:MI'),
                       (encounter_id IS NOT NULL)::text
                FROM ehr.condition ORDER BY source_id""")).containsExactly(
                "EQC1|ICD-10-CM:E11.9|2020-01-15 14:00|active|active|confirmed|encounter-diagnosis|03-01 06:10|true",
                "EQC2|ICD-10-CM:Z51.5|2026-05-01 00:00|entered-in-error|null|entered-in-error|null|null|false");
        // observations: period end is effective_time, its start effective_start (+01:00 → UTC); components; coded value
        assertThat(rows("""
                SELECT source_id, code, to_char(effective_time, 'MM-DD HH24:MI'), to_char(effective_start, 'MM-DD HH24:MI'),
                       coalesce(value_num::text, value_code_system || ':' || value_code, '-'), coalesce(unit, '-'), status
                FROM ehr.observation ORDER BY source_id""")).containsExactly(
                "EQO1|4548-4|04-01 08:00|04-01 07:00|9.5|%|final",
                "EQO2|4548-4|06-01 08:00|06-01 08:00|6.0|%|entered-in-error",
                "EQO3|85354-9|03-01 06:15|03-01 06:15|-|-|amended",
                "EQO3/component/8462-4|8462-4|03-01 06:15|03-01 06:15|85|mm[Hg]|amended",
                "EQO3/component/8480-6|8480-6|03-01 06:15|03-01 06:15|150|mm[Hg]|amended",
                "EQO4|72166-2|03-01 06:20|03-01 06:20|SNOMED-CT:8517006|-|final");
        assertThat(rows("""
                SELECT source_id, code, status, to_char(performed_time, 'HH24:MI'), to_char(performed_end, 'HH24:MI')
                FROM ehr.procedure""")).containsExactly("EQP1|99497|not-done|06:00|07:30");
        // the order's code from the referenced Medication; period: 30 days × (1 + 2 refills) from 03-01 → 05-29
        assertThat(rows("""
                SELECT source_id, kind, code_system || ':' || code, to_char(start_time, 'MM-DD HH24:MI'),
                       to_char(end_time, 'MM-DD HH24:MI'), status, intent FROM ehr.medication""")).containsExactly(
                "EQMR1|order|RxNorm:860975|03-01 06:25|05-29 00:00|active|order");
        // ServiceRequest and DeviceRequest share an id: one request of each kind
        assertThat(rows("""
                SELECT kind, source_id, code_system || ':' || code, status, intent, do_not_perform::text,
                       to_char(authored_time, 'MM-DD HH24:MI'), (encounter_id IS NOT NULL)::text
                FROM ehr.request ORDER BY kind""")).containsExactly(
                "device|EQR1|SNOMED-CT:58938008|completed|order|true|03-05 00:00|false",
                "service|EQR1|SNOMED-CT:183519002|active|order|false|03-01 06:40|true");

        // a definition that filters entered-in-error: the 6.0 % result and the Z51.5 exclusion do not count, so the
        // latest HbA1c is 9.5 % (> 9: numerator) and the patient is not excluded
        assertEquals("true|false|true", hba1cPoorControl());

        // the same files again: nothing staged, nothing changed
        long encountersBefore = jdbc.sql("SELECT xmin::text::bigint FROM ehr.encounter WHERE source_id = 'EQE1'")
                .query(Long.class).single();
        long again = ingestAndNormalise(3);
        assertThat(jdbc.sql("SELECT DISTINCT unchanged FROM qi.ingest_reconciliation WHERE run_id = :run")
                .param("run", again).query(Boolean.class).list()).containsExactly(true);
        assertEquals(encountersBefore, jdbc.sql("SELECT xmin::text::bigint FROM ehr.encounter WHERE source_id = 'EQE1'")
                .query(Long.class).single());

        // updated resources (same ids, newer versionId/lastUpdated): the HbA1c is now 8.0 %, the visit a 99214 only
        Files.writeString(extract.resolve("Observation.ndjson"), Files.readString(extract.resolve("Observation.ndjson"))
                .replace("\"id\":\"EQO1\",\"meta\":{\"versionId\":\"1\",\"lastUpdated\":\"2026-04-01T09:00:00Z\"}",
                        "\"id\":\"EQO1\",\"meta\":{\"versionId\":\"2\",\"lastUpdated\":\"2026-04-02T09:00:00Z\"}")
                .replace("\"value\":9.5", "\"value\":8.0"));
        Files.writeString(extract.resolve("Encounter.ndjson"), Files.readString(extract.resolve("Encounter.ndjson"))
                .replace("{\"system\":\"http://snomed.info/sct\",\"code\":\"185463005\"},", "")
                .replace("\"99213\"", "\"99214\""));
        ingestAndNormalise(5);
        assertThat(rows("SELECT source_id, value_num::text FROM ehr.observation WHERE code = '4548-4' ORDER BY 1"))
                .containsExactly("EQO1|8.0", "EQO2|6.0");
        assertThat(rows("""
                SELECT t.code_system || ':' || t.code FROM ehr.encounter_type t JOIN ehr.encounter e ON e.id = t.encounter_id""")).containsExactly("CPT:99214");
        assertEquals(2, jdbc.sql("SELECT count(*) FROM ehr.encounter").query(Long.class).single());
        assertEquals("true|false|false", hba1cPoorControl());
    }

    /**
     * ingestExtractStep, checkExtractStep, normaliseWarehouseStep, each a job instance of its own; returns the ingest's
     * run id (not its JobExecution: {@code @SpringBatchTest} would take a method returning one for its step scope).
     */
    private long ingestAndNormalise(long rerun) throws Exception {
        JobParameters p = new JobParametersBuilder(parameters(ExtractFormat.FHIR))
                .addLong(NightlyParameters.RERUN, rerun, true).toJobParameters();
        JobExecution ingest = jobOperatorTestUtils.startStep("ingestExtractStep", p, null);
        assertEquals(BatchStatus.COMPLETED, ingest.getStatus(), () -> ingest.getAllFailureExceptions().toString());
        for (String step : List.of("checkExtractStep", "normaliseWarehouseStep")) {
            JobParameters next = new JobParametersBuilder(p).addLong(NightlyParameters.RERUN, ++rerun * 100, true)
                    .toJobParameters();
            JobExecution e = jobOperatorTestUtils.startStep(step, next, null);
            assertEquals(BatchStatus.COMPLETED, e.getStatus(), () -> step + ": " + e.getAllFailureExceptions());
        }
        return ingest.getId();
    }

    /** initial population | denominator exclusion | numerator of the starter HbA1c definition, Jan–Oct 2026. */
    private String hba1cPoorControl() {
        org.lhs.qi.definition.DefinitionParser.Result parsed = org.lhs.qi.definition.DefinitionParser.parse(
                DEFINITIONS.resolve("definitions/diabetes-hba1c-poor-control.yaml"), DEFINITIONS);
        assertThat(parsed.hasErrors()).as(parsed.diagnostics().toString()).isFalse();
        org.lhs.qi.compile.CompiledIndicator compiled = new org.lhs.qi.compile.IndicatorCompiler().compile(parsed.definition());
        org.lhs.qi.definition.ValueSetLoader.load(dataSource, parsed.definition().valueSets().values());
        java.util.Map<String, Object> params = compiled.bindings(DATE, -77L, List.of(
                new org.lhs.qi.compile.CompiledIndicator.Period("month", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 1))));
        jdbc.sql("DELETE FROM qi.member WHERE run_id = -77").update();
        jdbc.sql(compiled.sql()).params(params).update();
        return jdbc.sql("""
                SELECT m.initial_population || '|' || m.denominator_exclusion || '|' || m.numerator
                FROM qi.member m JOIN ehr.patient p ON p.id = m.subject_id
                WHERE m.run_id = -77 AND p.source_id = 'EQ1'""").query(String.class).single();
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query((rs, n) -> {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                b.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            return b.toString();
        }).list();
    }

    private void writeEcqmFixture() throws IOException {
        String p = "\"subject\":{\"reference\":\"Patient/EQ1\"}";
        write("Patient.ndjson", """
                {"resourceType":"Patient","id":"EQ1","meta":{"versionId":"1","lastUpdated":"2026-10-01T00:00:00Z"},"gender":"female","birthDate":"1960-05-01"}""");
        write("Encounter.ndjson", """
                {"resourceType":"Encounter","id":"EQE1","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"type":[{"coding":[{"system":"http://snomed.info/sct","code":"185463005"},{"system":"http://www.ama-assn.org/go/cpt","code":"99213"},{"system":"http://example.org/local-visit-types","code":"X1"}]}],%s,"period":{"start":"2026-03-01T08:00:00+02:00","end":"2026-03-01T08:30:00+02:00"},"hospitalization":{"dischargeDisposition":{"coding":[{"system":"http://snomed.info/sct","code":"306689006"}]}}}
                {"resourceType":"Encounter","id":"EQE2","status":"cancelled","class":{"code":"IMP"},%s,"period":{"start":"2026-04-01T10:00:00Z"}}""".formatted(p, p));
        write("Condition.ndjson", """
                {"resourceType":"Condition","id":"EQC1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],"code":{"coding":[{"system":"http://example.org/local","code":"DM"},{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E11.9"}]},%s,"encounter":{"reference":"Encounter/EQE1"},"onsetDateTime":"2020-01-15T09:00:00-05:00","recordedDate":"2026-03-01T06:10:00Z"}
                {"resourceType":"Condition","id":"EQC2","verificationStatus":{"coding":[{"code":"entered-in-error"}]},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"Z51.5"}]},%s,"onsetDateTime":"2026-05-01"}""".formatted(p, p));
        write("Observation.ndjson", """
                {"resourceType":"Observation","id":"EQO1","meta":{"versionId":"1","lastUpdated":"2026-04-01T09:00:00Z"},"status":"final","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},%s,"effectivePeriod":{"start":"2026-04-01T08:00:00+01:00","end":"2026-04-01T09:00:00+01:00"},"valueQuantity":{"value":9.5,"unit":"%%","code":"%%"}}
                {"resourceType":"Observation","id":"EQO2","status":"entered-in-error","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},%s,"effectiveDateTime":"2026-06-01T08:00:00Z","valueQuantity":{"value":6.0,"code":"%%"}}
                {"resourceType":"Observation","id":"EQO3","status":"amended","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},%s,"effectiveDateTime":"2026-03-01T06:15:00Z","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":150,"code":"mm[Hg]"}},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":85,"code":"mm[Hg]"}}]}
                {"resourceType":"Observation","id":"EQO4","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72166-2"}]},%s,"effectiveDateTime":"2026-03-01T06:20:00Z","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"8517006"}]}}""".formatted(p, p, p, p));
        write("Procedure.ndjson", """
                {"resourceType":"Procedure","id":"EQP1","status":"not-done","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99497"}]},%s,"performedPeriod":{"start":"2026-03-01T06:00:00Z","end":"2026-03-01T07:30:00Z"}}""".formatted(p));
        write("Medication.ndjson", """
                {"resourceType":"Medication","id":"EQM1","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975"}]}}""");
        write("MedicationRequest.ndjson", """
                {"resourceType":"MedicationRequest","id":"EQMR1","status":"active","intent":"order","medicationReference":{"reference":"Medication/EQM1"},%s,"authoredOn":"2026-03-01T06:25:00Z","dispenseRequest":{"numberOfRepeatsAllowed":2,"expectedSupplyDuration":{"value":30,"unit":"days","system":"http://unitsofmeasure.org","code":"d"}}}
                {"resourceType":"MedicationRequest","id":"EQMR2","status":"active","intent":"order","doNotPerform":true,"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975"}]},%s,"authoredOn":"2026-03-02"}""".formatted(p, p));
        write("ServiceRequest.ndjson", """
                {"resourceType":"ServiceRequest","id":"EQR1","status":"active","intent":"order","code":{"coding":[{"system":"http://snomed.info/sct","code":"183519002"}]},%s,"encounter":{"reference":"Encounter/EQE1"},"authoredOn":"2026-03-01T08:40:00+02:00"}""".formatted(p));
        write("DeviceRequest.ndjson", """
                {"resourceType":"DeviceRequest","id":"EQR1","status":"completed","intent":"order","modifierExtension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-DeviceRequest.doNotPerform","valueBoolean":true}],"codeCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"58938008"}]},%s,"authoredOn":"2026-03-05"}""".formatted(p));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(extract.resolve(name), content + "\n");
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
