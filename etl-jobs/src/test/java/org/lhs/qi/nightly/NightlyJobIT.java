package org.lhs.qi.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.QiApplication;
import org.lhs.qi.compile.CompiledIndicator;
import org.lhs.qi.compute.IndicatorComputer;
import org.lhs.qi.compute.ReportingPeriod;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly job end to end on a small hand-made extract ({@code extracts/hand-checked}) with the starter
 * definitions of {@code indicator-definitions/}. Every expected number below was worked out by hand from the
 * extract; the arithmetic is in the comments.
 */
@SpringBatchTest
@SpringBootTest(classes = {QiApplication.class, NightlyJobIT.FailureInjection.class},
        properties = {"spring.batch.job.enabled=false", "qi.organisation-name=Test Health System"})
class NightlyJobIT {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);
    static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 1);
    static final Path EXTRACT = Path.of("src/test/resources/extracts/hand-checked");
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

    /** Fails the compute of one chosen indicator once, to test restart after a failure inside the job. */
    @TestConfiguration
    static class FailureInjection {
        static final AtomicReference<String> FAIL_ONCE_ON = new AtomicReference<>();

        @Bean
        @Primary
        IndicatorComputer failingOnceIndicatorComputer(DataSource dataSource) {
            return new IndicatorComputer(dataSource) {
                @Override
                public long compute(CompiledIndicator indicator, LocalDate businessDate, long runId,
                        List<ReportingPeriod> periods) {
                    long rows = super.compute(indicator, businessDate, runId, periods);
                    String target = FAIL_ONCE_ON.get();
                    // compareAndSet compares references, so match by value first
                    if (indicator.indicatorId().equals(target) && FAIL_ONCE_ON.compareAndSet(target, null)) {
                        throw new IllegalStateException("injected failure after computing " + indicator.indicatorId());
                    }
                    return rows;
                }
            };
        }
    }

    @Autowired
    JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    NightlyRunner runner;

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
                    qi.run RESTART IDENTITY CASCADE""").update();
        for (String t : List.of("site", "patient", "coverage", "encounter", "unit_stay", "device_episode", "condition",
                "procedure", "observation", "medication", "safety_event", "survey_response")) {
            jdbc.sql("TRUNCATE staging." + t).update();
        }
        jdbc.sql("""
                TRUNCATE batch_step_execution_context, batch_step_execution, batch_job_execution_context,
                    batch_job_execution_params, batch_job_execution, batch_job_instance""").update();
        FailureInjection.FAIL_ONCE_ON.set(null);
    }

    @Test
    void handCheckedExtractGivesHandWorkedResults() throws Exception {
        JobExecution execution = jobOperatorTestUtils.startJob(
                new NightlyParameters(BUSINESS_DATE, 0, EXTRACT, DEFINITIONS, output).toJobParameters());

        assertEquals(BatchStatus.COMPLETED, execution.getStatus(), () -> execution.getAllFailureExceptions().toString());
        // the JDBC job repository, not an in-memory one, recorded the run
        assertEquals(1, jdbc.sql("SELECT count(*) FROM batch_job_execution WHERE status = 'COMPLETED'")
                .query(Long.class).single());
        assertEquals(8, jdbc.sql("SELECT count(*) FROM batch_step_execution").query(Long.class).single());

        // HbA1c > 9 % (October): P01–P15 are in the initial population (P16 is 80, P17 was seen in September);
        // P15 has palliative care → excluded; numerator P01 9.5, P02 10.2, P06 none, P09 latest 9.4,
        // P13 only outside the 12-month lookback → 5 / 14 = 35.71 %, Wilson (0.16345, 0.61236).
        assertProportion("diabetes-hba1c-poor-control", "ALL", 15, 14, 1, 5, 0.163447, 0.612356);
        // all of them are attributed to site A, so site A equals the organisation
        assertProportion("diabetes-hba1c-poor-control", "A", 15, 14, 1, 5, 0.163447, 0.612356);

        // Blood pressure < 140/90 (October, site B): Q01–Q12, Q12 has ESRD → 11; controlled: Q01 130/80,
        // Q04 120/70, Q05 latest 132/84, Q07 139/89, Q09 128/78, Q11 118/76 → 6 / 11, Wilson (0.28009, 0.78729).
        // Not controlled: Q02 150/85, Q03 135/95, Q06 no reading, Q08 140/80, Q10 no diastolic.
        assertProportion("controlling-high-blood-pressure", "ALL", 12, 11, 1, 6, 0.280092, 0.787287);

        // 30-day readmission (October discharges): E01–E12 (E15 transfer and E16 death are not eligible; E13, discharged
        // 25 Oct 08:00, has its 30 days complete only on 24 Nov, after the cut-off of 23 Nov 00:00) = 12;
        // readmitted: E01 (E14 on 5 Nov, 24 days later) and E12 (E13 on 20 Oct) → 2 / 12, Wilson (0.04697, 0.44803).
        assertProportion("readmission-30-day", "ALL", 12, 12, 0, 2, 0.046965, 0.448031);

        // Falls with injury per 1,000 patient-days (October): stays E01–E13, E15, E16 = 15 subjects;
        // patient-days in October: 11 × 10 (E01–E11) + 2 (E12 from 1 Oct) + 5 (E13) + 5 (E15) + 2 (E16) = 124;
        // falls with harm ≥ mild: E01 moderate, E03 severe, E03 mild = 3 (E02 no harm, E05 near miss and the
        // pressure injury do not count; E12's fall was in September) → 3 / 124 × 1000 = 24.19,
        // exact Poisson (0.61867, 8.76727) / 124 × 1000 = (4.9893, 70.7038).
        Map<String, Object> falls = cell("falls-with-injury", OCTOBER, "ALL", "overall", "all");
        assertEquals(15L, ((Number) falls.get("denominator")).longValue());
        assertEquals(3L, ((Number) falls.get("numerator")).longValue());
        assertEquals(124.0, ((Number) falls.get("exposure")).doubleValue(), 1e-9);
        // 3 events is a small cell (rate × patient-days gives it back): stored counts, no published rate
        assertSuppressed(falls, "events below 11");
        org.lhs.qi.summarise.ResultCell fallsRate = UNSUPPRESSED.calculate(
                new org.lhs.qi.summarise.IndicatorScoring("falls", "1", "h", "ratio", 1000, null, "decrease"),
                new org.lhs.qi.summarise.CellCounts("month", OCTOBER, OCTOBER.plusMonths(1), "ALL", "Org", "overall",
                        "all", 15, 15, 0, 0, 0, 0, 3, 124));
        assertEquals(24.193548, fallsRate.rate(), 1e-5);
        assertEquals(4.989291, fallsRate.ciLow(), 1e-4);
        assertEquals(70.703815, fallsRate.ciHigh(), 1e-4);

        // the twelve-month period (Nov 2025 – Oct 2026) adds P17, seen in September with HbA1c 9.9: IP 16,
        // P15 excluded → 15; numerator the five above + P17 → 6 / 15 = 40 %, Wilson (0.19824, 0.64253)
        Map<String, Object> year = cell("diabetes-hba1c-poor-control", "12-months", LocalDate.of(2025, 11, 1), "ALL",
                "overall", "all");
        assertEquals(16L, ((Number) year.get("initial_population")).longValue());
        assertEquals(15L, ((Number) year.get("denominator")).longValue());
        assertEquals(6L, ((Number) year.get("numerator")).longValue());
        assertSuppressed(year, "numerator below 11");
        assertInterval(6, 15, 0.198245, 0.642532);
        assertEquals(LocalDate.of(2026, 11, 1), ((java.sql.Date) year.get("period_end")).toLocalDate());

        // small cells: September HbA1c has only P17 (denominator 1); October women (P01–P08) are 8
        Map<String, Object> september = cell("diabetes-hba1c-poor-control", SEPTEMBER, "ALL", "overall", "all");
        assertTrue((Boolean) september.get("suppressed"));
        assertNull(september.get("rate"));
        assertNull(september.get("ci_low"));
        Map<String, Object> women = cell("diabetes-hba1c-poor-control", OCTOBER, "ALL", "sex", "female");
        assertTrue((Boolean) women.get("suppressed"));
        assertNull(women.get("rate"));

        // the malformed observation row is quarantined with its line number; every good row is loaded
        List<Map<String, Object>> quarantine = jdbc.sql("SELECT file_name, line_no, reason FROM qi.quarantine")
                .query().listOfRows();
        assertEquals(1, quarantine.size());
        assertEquals("observation.csv", Path.of((String) quarantine.get(0).get("file_name")).getFileName().toString());
        assertEquals(43L, ((Number) quarantine.get(0).get("line_no")).longValue());
        assertThat((String) quarantine.get(0).get("reason")).contains("effective_time");
        assertEquals(41L, jdbc.sql("SELECT count(*) FROM ehr.observation").query(Long.class).single());
        assertEquals(43L, jdbc.sql("SELECT count(*) FROM ehr.patient").query(Long.class).single());

        // one organisation scorecard and one per site, and the manifest that publishes them
        Path dir = output.resolve(BUSINESS_DATE.toString());
        assertTrue(Files.size(dir.resolve("scorecard-2026-11-23-organisation.pdf")) > 1000);
        assertTrue(Files.exists(dir.resolve("scorecard-2026-11-23-site-A.pdf")));
        assertTrue(Files.exists(dir.resolve("scorecard-2026-11-23-site-B.pdf")));
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"businessDate\": \"2026-11-23\"")
                .contains("scorecard-2026-11-23-organisation.pdf")
                .contains("results-2026-11-23-organisation.csv", "measure-reports-2026-11-23-organisation.json",
                        "results-2026-11-23-site-A.csv", "measure-reports-2026-11-23-site-B.json");
        // the exports sit beside the PDFs and publish no small count either: every cell here is suppressed
        String csv = Files.readString(dir.resolve("results-2026-11-23-organisation.csv"));
        assertThat(csv.lines().skip(1)).isNotEmpty().allMatch(l -> l.endsWith(",small-cell") || l.contains(",0,"));
        assertThat(Files.readString(dir.resolve("measure-reports-2026-11-23-site-A.json")))
                .contains("\"resourceType\" : \"MeasureReport\"", "\"valueCode\" : \"masked\"");
        // the PDFs are scanned for small counts after every test (PdfPrivacyScanExtension); here explicitly too
        assertThat(org.lhs.qi.privacy.PdfPrivacyScan.assertNoSmallCountsBelow(dir)).hasSize(3);
    }

    @Test
    void rerunForTheSameDateGivesIdenticalResultsAndNoDuplicateRows() throws Exception {
        assertEquals(BatchStatus.COMPLETED, runner.run(BUSINESS_DATE, EXTRACT, DEFINITIONS, output).getStatus());
        List<Map<String, Object>> first = results();
        Map<String, Long> firstCounts = warehouseCounts();

        JobExecution rerun = runner.run(BUSINESS_DATE, EXTRACT, DEFINITIONS, output);
        assertEquals(BatchStatus.COMPLETED, rerun.getStatus());
        assertEquals(1L, rerun.getJobParameters().getLong("rerun"), "a completed date runs again as rerun 1");
        assertEquals(first, results());
        assertEquals(firstCounts, warehouseCounts());
        assertThat(first).hasSizeGreaterThan(100);
    }

    @Test
    void restartAfterAFailureInComputeGivesTheResultsOfAnUninterruptedRun() throws Exception {
        assertEquals(BatchStatus.COMPLETED, runner.run(BUSINESS_DATE, EXTRACT, DEFINITIONS, output).getStatus());
        List<Map<String, Object>> uninterrupted = results();
        Map<String, Long> counts = warehouseCounts();
        emptyDatabase();

        FailureInjection.FAIL_ONCE_ON.set("falls-with-injury");
        JobExecution failed = runner.run(BUSINESS_DATE, EXTRACT, DEFINITIONS, output);
        assertEquals(BatchStatus.FAILED, failed.getStatus());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.result").query(Long.class).single());

        JobExecution restarted = runner.run(BUSINESS_DATE, EXTRACT, DEFINITIONS, output);
        assertEquals(BatchStatus.COMPLETED, restarted.getStatus());
        assertEquals(failed.getJobInstance().getInstanceId(), restarted.getJobInstance().getInstanceId(),
                "the failed instance is restarted, not replaced");
        assertEquals(uninterrupted, results());
        assertEquals(counts, warehouseCounts());
    }

    private void assertProportion(String indicator, String site, long ip, long denominator, long exclusions,
            long numerator, double low, double high) {
        Map<String, Object> r = cell(indicator, OCTOBER, site, "overall", "all");
        assertEquals(ip, ((Number) r.get("initial_population")).longValue(), indicator + " IP");
        assertEquals(denominator, ((Number) r.get("denominator")).longValue(), indicator + " denominator");
        assertEquals(exclusions, ((Number) r.get("denominator_exclusion")).longValue(), indicator + " exclusions");
        assertEquals(numerator, ((Number) r.get("numerator")).longValue(), indicator + " numerator");
        // every numerator of this small extract is 1..10: the cell is suppressed (rate × denominator would give the
        // count back), so its rate is not stored; the hand-worked interval is checked on the stored counts
        assertSuppressed(r, "numerator below 11");
        assertInterval(numerator, denominator, low, high);
    }

    /** Rule with no minimum: the arithmetic of a cell the default rule hides. */
    private static final org.lhs.qi.summarise.ResultCalculator UNSUPPRESSED =
            new org.lhs.qi.summarise.ResultCalculator(new org.lhs.qi.stats.SuppressionRule(1));

    private static void assertInterval(long numerator, long denominator, double low, double high) {
        org.lhs.qi.summarise.ResultCell c = UNSUPPRESSED.calculate(
                new org.lhs.qi.summarise.IndicatorScoring("p", "1", "h", "proportion", 1, null, "increase"),
                new org.lhs.qi.summarise.CellCounts("month", OCTOBER, OCTOBER.plusMonths(1), "ALL", "Org", "overall",
                        "all", denominator, denominator, 0, 0, numerator, 0, 0, 0));
        assertEquals((double) numerator / denominator, c.rate(), 1e-9);
        assertEquals(low, c.ciLow(), 1e-5);
        assertEquals(high, c.ciHigh(), 1e-5);
    }

    private static void assertSuppressed(Map<String, Object> r, String reason) {
        assertEquals(Boolean.TRUE, r.get("suppressed"));
        assertEquals("primary", r.get("suppression"));
        assertEquals(reason, r.get("suppression_reason"));
        assertNull(r.get("rate"));
        assertNull(r.get("ci_low"));
        assertNull(r.get("ci_high"));
    }

    private Map<String, Object> cell(String indicator, LocalDate period, String site, String stratifier, String stratum) {
        return cell(indicator, "month", period, site, stratifier, stratum);
    }

    private Map<String, Object> cell(String indicator, String kind, LocalDate period, String site, String stratifier,
            String stratum) {
        return jdbc.sql("""
                SELECT * FROM qi.result WHERE business_date = :d AND indicator_id = :i AND period_kind = :k
                AND period_start = :p AND site_key = :s AND stratifier = :st AND stratum = :sm""")
                .param("d", BUSINESS_DATE).param("k", kind).param("i", indicator).param("p", period).param("s", site)
                .param("st", stratifier).param("sm", stratum)
                .query().singleRow();
    }

    /** Every published column of every result row, in a stable order; the run id is left out on purpose. */
    private List<Map<String, Object>> results() {
        return jdbc.sql("""
                SELECT indicator_id, period_kind, period_start, site_key, stratifier, stratum, initial_population, denominator,
                       denominator_exclusion, denominator_exception, numerator, numerator_exclusion, exposure, rate,
                       ci_low, ci_high, suppressed, meets_target, indicator_version, content_hash
                FROM qi.result WHERE business_date = :d
                ORDER BY indicator_id, period_kind, period_start, site_key, stratifier, stratum""")
                .param("d", BUSINESS_DATE).query().listOfRows();
    }

    private Map<String, Long> warehouseCounts() {
        return jdbc.sql("""
                SELECT 'patient' AS t, count(*) AS n FROM ehr.patient UNION ALL SELECT 'encounter', count(*) FROM ehr.encounter
                UNION ALL SELECT 'observation', count(*) FROM ehr.observation UNION ALL SELECT 'condition', count(*) FROM ehr.condition
                UNION ALL SELECT 'unit_stay', count(*) FROM ehr.unit_stay UNION ALL SELECT 'safety_event', count(*) FROM ehr.safety_event
                UNION ALL SELECT 'max_patient_id', max(id) FROM ehr.patient UNION ALL SELECT 'max_observation_id', max(id) FROM ehr.observation""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
