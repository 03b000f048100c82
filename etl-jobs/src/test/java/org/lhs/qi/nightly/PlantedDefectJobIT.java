package org.lhs.qi.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.QiApplication;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.quality.DataQualityResults;
import org.lhs.qi.quality.DataQualitySummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Trustworthy nights: night 1 (2026-11-22) loads the hand-checked full extract of {@link NightlyJobIT} and
 * publishes; night 2 (2026-11-23) brings a planted defect that the warehouse totals cannot show (the warehouse
 * still holds night 1's rows), and the gate must stop the run in {@code checkDataQualityStep} before anything is
 * computed or published, naming check, table, site and file or offending rows.
 *
 * <p>Hand counts of the extract: encounter.csv 45 rows (site A 33, site B 12); patient.csv 43 (A 31, B 12);
 * observation.csv 42 rows of which line 43 is quarantined → 41 staged; HbA1c (LOINC 4548-4) rows O-A1C-001…018 on
 * lines 2–19, all of patients attributed to site A.
 */
@SpringBootTest(classes = QiApplication.class, properties = "spring.batch.job.enabled=false")
class PlantedDefectJobIT {

    static final LocalDate NIGHT1 = LocalDate.of(2026, 11, 22);
    static final LocalDate NIGHT2 = LocalDate.of(2026, 11, 23);
    static final Path DELTA = Path.of("src/test/resources/extracts/incremental-day2");

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
    Path output;
    JobExecution night1;

    @BeforeEach
    void nightOneCompletes() throws Exception {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                TRUNCATE ehr.site, ehr.patient, ehr.coverage, ehr.encounter, ehr.unit_stay, ehr.device_episode,
                    ehr.condition, ehr.procedure, ehr.observation, ehr.medication, ehr.safety_event,
                    ehr.survey_response, qi.member, qi.result, qi.extract_file, qi.quarantine, qi.report_file,
                    qi.run, qi.dq_result, qi.dq_table_count, qi.dq_extract_run, qi.dq_extract_count,
                    qi.ingest_reconciliation RESTART IDENTITY CASCADE""").update();
        for (String t : List.of("site", "patient", "coverage", "encounter", "unit_stay", "device_episode", "condition",
                "procedure", "observation", "medication", "safety_event", "survey_response", "deletion")) {
            jdbc.sql("TRUNCATE staging." + t).update();
        }
        jdbc.sql("""
                TRUNCATE batch_step_execution_context, batch_step_execution, batch_job_execution_context,
                    batch_job_execution_params, batch_job_execution, batch_job_instance""").update();
        output = work.resolve("out");
        night1 = runner.run(NIGHT1, NightlyJobIT.EXTRACT, NightlyJobIT.DEFINITIONS, output);
        assertEquals(BatchStatus.COMPLETED, night1.getStatus(), () -> night1.getAllFailureExceptions().toString());
        // what night 1's extract delivered, per table and site: the baseline of night 2
        assertEquals(List.of("encounter/A/33", "encounter/ALL/45", "encounter/B/12"), jdbc.sql("""
                SELECT table_name || '/' || site_key || '/' || row_count FROM qi.dq_extract_count
                WHERE run_id = :r AND table_name = 'encounter' ORDER BY site_key""")
                .param("r", night1.getId()).query(String.class).list());
        assertEquals(41L, jdbc.sql("SELECT row_count FROM qi.dq_extract_count WHERE run_id = :r"
                + " AND table_name = 'observation' AND site_key = 'ALL'").param("r", night1.getId()).query(Long.class).single());
        assertEquals("full", jdbc.sql("SELECT extract_mode FROM qi.dq_extract_run WHERE run_id = :r")
                .param("r", night1.getId()).query(String.class).single());
    }

    /** Night 1's extract with one file rewritten line by line ({@code null} drops the file). */
    private Path nightTwo(String file, UnaryOperator<List<String>> change) throws IOException {
        Path extract = Files.createDirectories(work.resolve("night2"));
        try (Stream<Path> files = Files.list(NightlyJobIT.EXTRACT)) {
            for (Path f : files.toList()) {
                Files.copy(f, extract.resolve(f.getFileName()));
            }
        }
        List<String> lines = change.apply(Files.readAllLines(extract.resolve(file)));
        if (lines == null) {
            Files.delete(extract.resolve(file));
        } else {
            Files.write(extract.resolve(file), lines);
        }
        return extract;
    }

    @Test
    void anEncounterFileWithOnlyItsHeaderStopsNightTwo() throws Exception {
        JobExecution night2 = runner.run(NIGHT2, nightTwo("encounter.csv", lines -> lines.subList(0, 1)),
                NightlyJobIT.DEFINITIONS, output);

        assertEquals(BatchStatus.FAILED, night2.getStatus());
        String message = night2.getAllFailureExceptions().getFirst().getMessage();
        // 0 rows tonight where night 1 delivered 45 (A 33, B 12): extract-file-delivered fails for ALL, A and B;
        // extract-volume |0 − 45| / 45 = 100 % > 30 % for ALL, A and B: six critical findings
        assertThat(message).startsWith("data-quality gate failed for 2026-11-23: 6 critical finding(s) in check(s)"
                        + " extract-file-delivered, extract-volume; nothing was computed or published")
                .contains("check extract-file-delivered (extract-not-empty, ")
                .contains("volume.yaml:")
                .contains(") table encounter, site ALL: observed 0, threshold ≥ 1\n"
                        + "      encounter.csv delivered 0 rows (empty or header only); the previous full extract (run "
                        + night1.getId() + ", 2026-11-22) delivered 45 row(s) in encounter.csv")
                .contains(") table encounter, site B: observed 0, threshold ≥ 1\n      encounter.csv delivered 0 rows"
                        + " (empty or header only); the previous full extract (run " + night1.getId()
                        + ", 2026-11-22) delivered 12 row(s) for site B in encounter.csv")
                .contains(") table encounter, site A: observed 100.00%, threshold ≤ 30.00%\n      encounter.csv delivered"
                        + " 0 row(s) for site A against 33 in the previous full extract")
                .contains("How to proceed: fix the extract and run `qi run --date 2026-11-23` again");
        assertNothingPublished(night2);
        // the warehouse totals could not see it: night 1's 45 encounters are still there
        assertEquals(45L, jdbc.sql("SELECT count(*) FROM ehr.encounter").query(Long.class).single());
        assertThat(jdbc.sql("SELECT check_id || '/' || site_key FROM qi.dq_result WHERE run_id = :r AND"
                + " check_id = 'encounter-not-empty' AND passed").param("r", night2.getId()).query(String.class).list())
                .containsExactly("encounter-not-empty/ALL");
    }

    @Test
    void aMissingEncounterFileStopsNightTwoAndNamesTheFile() throws Exception {
        JobExecution night2 = runner.run(NIGHT2, nightTwo("encounter.csv", lines -> null),
                NightlyJobIT.DEFINITIONS, output);

        assertEquals(BatchStatus.FAILED, night2.getStatus());
        assertThat(night2.getAllFailureExceptions().getFirst().getMessage())
                .contains("table encounter, site ALL: observed 0, threshold ≥ 1\n      no encounter file in tonight's"
                        + " extract (expected encounter.csv); the previous full extract (run " + night1.getId()
                        + ", 2026-11-22) delivered 45 row(s) in encounter.csv");
        assertNothingPublished(night2);
    }

    @Test
    void hbA1cValuesMissingAtOneSiteStopNightTwoAndPointAtTheRows() throws Exception {
        // every HbA1c row of night 2 loses its value (column 7, value_num); all 18 are at site A
        JobExecution night2 = runner.run(NIGHT2, nightTwo("observation.csv", lines -> lines.stream().map(line -> {
            String[] f = line.split(",", -1);
            if (f.length == 11 && f[4].equals("4548-4") && f[0].startsWith("O-A1C-")) {
                f[6] = "";
            }
            return String.join(",", f);
        }).toList()), NightlyJobIT.DEFINITIONS, output);

        assertEquals(BatchStatus.FAILED, night2.getStatus());
        String message = night2.getAllFailureExceptions().getFirst().getMessage();
        // site A: 0 of 18 HbA1c rows have a value → 0.00 % < 90 %; ALL the same 18 rows; site B has none
        assertThat(message).startsWith("data-quality gate failed for 2026-11-23: 2 critical finding(s) in check(s)"
                        + " hba1c-value-present;")
                .contains("completeness.yaml:")
                .contains(") table observation, site A: observed 0.00%, threshold ≥ 90.00%\n"
                        + "      0.00% of 18 rows are fine (at least 90.00% required); 18 without value_num (codes 4548-4,"
                        + " 17856-6)\n      first offending rows: O-A1C-001 (observation.csv:2), O-A1C-002"
                        + " (observation.csv:3), O-A1C-003 (observation.csv:4), O-A1C-004 (observation.csv:5),"
                        + " O-A1C-005 (observation.csv:6) (of 18)")
                .contains("table observation, site ALL: observed 0.00%")
                .doesNotContain("site B")
                // ids and positions only: no values, times or codes of the rows
                .doesNotContain("9.5").doesNotContain("2026-10-05T").doesNotContain("LOINC");
        assertNothingPublished(night2);

        // the appendix API: the blocking findings first, with category and the located rows
        List<DataQualitySummary> findings = new DataQualityResults(dataSource).forBusinessDate(NIGHT2);
        assertEquals(List.of("hba1c-value-present/observation/ALL", "hba1c-value-present/observation/A"),
                findings.stream().filter(DataQualitySummary::blocking)
                        .map(s -> s.checkId() + "/" + s.table() + "/" + s.siteKey()).toList());
        DataQualitySummary a = findings.stream().filter(s -> s.blocking() && s.siteKey().equals("A")).findFirst()
                .orElseThrow();
        assertEquals("completeness", a.category());
        assertEquals("0.00%", a.observedText());
        assertEquals("≥ 90.00%", a.thresholdText());
        assertEquals(18L, a.rowsOffending());
        assertEquals("O-A1C-001 (observation.csv:2)", a.offendingRows().getFirst());
        assertEquals(2, findings.stream().filter(DataQualitySummary::blocking).count());
        // night 2's observation.csv has the same 41 rows as night 1: no volume finding
        assertThat(findings).filteredOn(s -> s.checkId().equals("extract-volume") && s.table().equals("observation"))
                .extracting(DataQualitySummary::outcome).containsExactly("passed");
    }

    @Test
    void anIncrementalNightIsNotJudgedAsAShrunkenFullExtract() throws Exception {
        // the day-2 delta: 14 rows in 6 files, with deletion rows; site.csv, unit_stay.csv … are absent
        JobExecution night2 = runner.run(NIGHT2, DELTA, NightlyJobIT.DEFINITIONS, output);

        assertEquals(BatchStatus.COMPLETED, night2.getStatus(), () -> night2.getAllFailureExceptions().toString());
        assertEquals("incremental", jdbc.sql("SELECT extract_mode FROM qi.dq_extract_run WHERE run_id = :r")
                .param("r", night2.getId()).query(String.class).single());
        List<DataQualitySummary> findings = new DataQualityResults(dataSource).forRun(night2.getId());
        assertThat(findings).filteredOn(s -> s.checkId().startsWith("extract-"))
                .extracting(s -> s.checkId() + "/" + s.table() + "/" + s.outcome())
                .containsExactlyInAnyOrder("extract-file-delivered/*/not-applicable", "extract-volume/*/not-applicable",
                        "extract-volume-drift/*/not-applicable");
        assertThat(findings).filteredOn(s -> s.checkId().equals("extract-volume")).first()
                .extracting(DataQualitySummary::message).asString()
                .isEqualTo("not applicable: tonight's extract is incremental (deletion rows in condition.csv, coverage.csv,"
                        + " encounter.csv, observation.csv, patient.csv, safety_event.csv); this check compares full"
                        + " extracts");
    }

    private void assertNothingPublished(JobExecution night2) throws IOException {
        assertEquals(List.of("ingestExtractStep", "checkExtractStep", "normaliseWarehouseStep", "checkDataQualityStep"),
                night2.getStepExecutions().stream().map(s -> s.getStepName()).toList());
        assertEquals(BatchStatus.FAILED, night2.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("checkDataQualityStep")).findFirst().orElseThrow().getStatus());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.result WHERE business_date = :d").param("d", NIGHT2)
                .query(Long.class).single());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.report_file WHERE business_date = :d").param("d", NIGHT2)
                .query(Long.class).single());
        assertThat(output.resolve(NIGHT2.toString())).doesNotExist();
        // night 1's scorecards stay published
        assertThat(output.resolve(NIGHT1.toString()).resolve("manifest.json")).exists();
    }
}
