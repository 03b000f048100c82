package org.lhs.qi.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.QiApplication;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.generate.GeneratorSettings;
import org.lhs.qi.generate.HealthSystemGenerator;
import org.lhs.qi.report.ChartData;
import org.lhs.qi.report.EquityComparison;
import org.lhs.qi.report.IndicatorInfo;
import org.lhs.qi.report.ResultRow;
import org.lhs.qi.report.ScorecardAssembler;
import org.lhs.qi.report.ScorecardInputs;
import org.lhs.qi.report.ScorecardRepository;
import org.lhs.qi.report.ScorecardRequest;
import org.lhs.qi.report.ScorecardView;
import org.lhs.qi.report.SpcStatus;
import org.lhs.qi.report.Strata;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The acceptance check of the committee view on the demo data: the same health system as {@code qi demo --date
 * 2026-11-23} (5,000 patients, 4 sites, 24 months, seed 42) through the whole nightly job on PostgreSQL, then the
 * organisation and every site scorecard assembled from the stored results (the views the PDFs are rendered from).
 * Exactly the planted disparity is flagged, on no scorecard anything else; the planted special-cause month and the
 * improving site carry their SPC signals. The full size is needed: at half the size the falls spike has fewer than
 * 11 events with injury (a suppressed month) and the disparity loses most of its margin. The PDFs themselves are
 * not rendered here (a third of the job's time; {@code qi demo} renders them, {@code ScorecardRendererIT} tests
 * rendering): the render step is replaced by one that does nothing.
 */
@SpringBootTest(classes = {QiApplication.class, DemoScorecardIT.NoRendering.class}, properties = {
        "spring.batch.job.enabled=false", "qi.organisation-name=Demo Health System",
        "spring.main.allow-bean-definition-overriding=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoScorecardIT {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);
    static final Path DEFINITIONS = Path.of("../indicator-definitions");
    static final String HBA1C = "diabetes-hba1c-poor-control";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseSettings db = TestDatabase.settings();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        if (db.password() != null) {
            registry.add("spring.datasource.password", db::password);
        }
    }

    /** The render step does nothing: the test reads the views the PDFs would be rendered from. */
    @TestConfiguration
    static class NoRendering {
        @Bean
        Tasklet renderReportsTasklet() {
            return (contribution, context) -> RepeatStatus.FINISHED;
        }
    }

    @Autowired
    NightlyRunner runner;

    @Autowired
    DataSource dataSource;

    @TempDir
    static Path dir;

    final Map<String, ScorecardView> views = new LinkedHashMap<>();
    final Map<String, ScorecardInputs> inputs = new LinkedHashMap<>();

    @BeforeAll
    void runTheDemo() throws Exception {
        empty();
        // as on a new database: the run must load (and commit) the value sets before indicators compute in parallel
        JdbcClient.create(dataSource).sql("DELETE FROM qi.value_set_code").update();
        JdbcClient.create(dataSource).sql("UPDATE qi.value_set SET content_hash = ''").update();
        Path extract = dir.resolve("extract");
        // exactly what DemoCommand generates
        new HealthSystemGenerator(new GeneratorSettings(5000, 4, 24, 42, BUSINESS_DATE)).write(extract);
        JobExecution run = runner.run(BUSINESS_DATE, extract, DEFINITIONS, dir.resolve("out"));
        assertEquals(BatchStatus.COMPLETED, run.getStatus(), () -> run.getAllFailureExceptions().toString());
        assertThat(dir.resolve("out").resolve(BUSINESS_DATE.toString()).resolve("scorecard-2026-11-23-organisation.pdf"))
                .as("the render step was replaced").doesNotExist();

        ScorecardRepository repository = new ScorecardRepository(dataSource);
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 24, 2, 0, 0, 0, ZoneOffset.UTC);
        List<String> audiences = new ArrayList<>(List.of(ScorecardRequest.ALL));
        audiences.addAll(JdbcClient.create(dataSource).sql("""
                SELECT DISTINCT site_key FROM qi.result WHERE business_date = :d AND site_key NOT IN ('ALL', 'unattributed')
                ORDER BY site_key""").param("d", BUSINESS_DATE).query(String.class).list());
        for (String audience : audiences) {
            ScorecardInputs in = repository.load(BUSINESS_DATE, audience);
            inputs.put(audience, in);
            views.put(audience, new ScorecardAssembler().assemble(in, new ScorecardRequest(BUSINESS_DATE, audience,
                    "Demo Health System", dir.resolve(audience + ".pdf")), now));
        }
    }

    @AfterAll
    void cleanUp() {
        empty();
    }

    @Test
    void theFirstIndicatorsComputedSeeTheirValueSetsOnANewDatabase() {
        // breast-cancer-screening and cauti-rate form the first compute group; their codes were loaded by the same run
        Integer numerator = JdbcClient.create(dataSource).sql("""
                SELECT numerator FROM qi.result WHERE business_date = :d AND indicator_id = 'breast-cancer-screening'
                  AND period_kind = '12-months' AND site_key = 'ALL' AND stratifier = 'overall'""")
                .param("d", BUSINESS_DATE).query(Integer.class).single();
        assertThat(numerator).as("women with a mammogram in 27 months").isGreaterThan(300);
    }

    @Test
    void exactlyThePlantedDisparityIsFlaggedOnEveryScorecard() {
        assertThat(views).containsOnlyKeys("ALL", "S01", "S02", "S03", "S04");
        String race = Strata.stratifierLabel("race");
        String black = Strata.stratumLabel("black-or-african-american");
        List<String> flags = new ArrayList<>();
        views.forEach((audience, view) -> view.pages().forEach(page -> page.equity().stream()
                .filter(row -> !row.flagCode().equals("SIMILAR"))
                .forEach(row -> flags.add(audience + " " + page.id() + " " + row.group() + " " + row.label() + " "
                        + row.flagCode() + " " + row.comparison()))));
        System.out.println("equity flags on the demo scorecards: " + flags);
        // the organisation scorecard shows it; a site may show it too (fewer patients: it need not)
        assertThat(flags).anyMatch(f -> f.startsWith("ALL " + HBA1C + " " + race + " " + black + " WORSE "));
        assertThat(flags).allMatch(f -> f.matches("(ALL|S0[1-4]) " + HBA1C + " " + race + " " + black + " WORSE .*"));
    }

    @Test
    void theOrganisationsDisparitySurvivesTheScorecardWideCorrectionWithMargin() {
        // the same family the assembler builds: every shown stratum of every indicator, 12 months, all sites
        ScorecardInputs in = inputs.get("ALL");
        Map<String, List<ResultRow>> year = in.yearResults().stream()
                .filter(r -> r.siteKey().equals("ALL") && Strata.shown(r.stratifier()))
                .collect(Collectors.groupingBy(ResultRow::indicatorId));
        Map<String, EquityComparison.Page> pages = new LinkedHashMap<>();
        for (IndicatorInfo i : in.indicators()) {
            pages.put(i.id(), new EquityComparison.Page(year.getOrDefault(i.id(), List.of()).stream()
                    .collect(Collectors.groupingBy(ResultRow::stratifier, TreeMap::new, Collectors.toList())),
                    i.scoring(), i.improvement()));
        }
        EquityComparison.Family hba1c = EquityComparison.compareScorecard(pages).get(HBA1C);
        EquityComparison.Result black = hba1c.of("race").get("black-or-african-american");
        System.out.printf("HbA1c Black v white: %s, p = %.3g, adjusted p = %.3g across %d comparisons%n",
                black.ratioText(), black.p(), black.adjustedP(), hba1c.familySize());
        assertThat(hba1c.familySize()).isGreaterThan(100);
        // the assembler corrected across the same family: its footnote names the same count
        assertThat(views.get("ALL").pages()).allMatch(p -> p.equityNote().contains(
                "across all " + hba1c.familySize() + " comparisons of this scorecard"));
        // flagged at p̃ ≤ 0.05; a hundredth of that leaves room for another seed or a few more indicators
        assertThat(black.adjustedP()).isLessThan(0.0005);
        assertThat(black.ratio()).isGreaterThan(2.0);
    }

    @Test
    void eastCommunityFallsSpikeInJuly2026IsASpecialCauseMonth() {
        ScorecardView.IndicatorPage falls = page("S02", "falls-with-injury");
        ChartData chart = falls.chart();
        int july = chart.months().indexOf("Jul 26");
        assertThat(july).as("months " + chart.months()).isGreaterThanOrEqualTo(0);
        assertThat(chart.control().marks().get(july)).isEqualTo(ChartData.Mark.WORSE);
        assertThat(falls.spcCode()).isEqualTo(SpcStatus.Code.WORSE.name());
        assertThat(views.get("S02").summary()).anyMatch(s -> s.title().equals(falls.title())
                && s.spcCode().equals(SpcStatus.Code.WORSE.name()));
    }

    @Test
    void northGeneralBloodPressureControlCarriesAnImprovementSignal() {
        ScorecardView.IndicatorPage bp = page("S01", "controlling-high-blood-pressure");
        assertThat(bp.spcCode()).isEqualTo(SpcStatus.Code.BETTER.name());
        assertThat(bp.chart().control().marks()).contains(ChartData.Mark.BETTER).doesNotContain(ChartData.Mark.WORSE);
    }

    private ScorecardView.IndicatorPage page(String audience, String indicator) {
        return views.get(audience).pages().stream().filter(p -> p.id().equals(indicator)).findFirst().orElseThrow();
    }

    private void empty() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
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
    }
}
