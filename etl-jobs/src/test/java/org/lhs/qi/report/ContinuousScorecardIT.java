package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.privacy.PdfPrivacyScan;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Renders the scorecard of a continuous-variable indicator (median ED length of stay) from hand-made result rows on
 * real PostgreSQL, with its own business date, and reads the medians, intervals and suppressed cells back.
 */
class ContinuousScorecardIT {

    private static final Path OUT = Path.of("target", "scorecards");
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2027, 3, 9);
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static final String ID = "zz-it-ed-los-median";
    private static final long RUN = 9_000_000_777L;

    private static JdbcClient jdbc;
    private static ScorecardRenderer renderer;

    @BeforeAll
    static void insert() throws IOException {
        jdbc = JdbcClient.create(TestDatabase.dataSource());
        clean();
        jdbc.sql("""
                INSERT INTO qi.indicator (indicator_id, version, content_hash, title, description, domain, scoring, basis,
                    improvement, target, source_file, definition_text, aggregate_method, observation_unit)
                VALUES (:id, '1.0.0', 'itcv', 'ED length of stay (median), discharged patients', 'ED LOS', 'value',
                    'continuous-variable', 'encounter', 'decrease', 180, 'indicator-definitions/ed-los.yaml',
                    'Emergency visits that ended in the month, patients sent home; the time from arrival to departure.',
                    'median', 'minutes')""").param("id", ID).update();
        for (int m = 0; m < 12; m++) {
            // ALL: n = 300 + 5m observations of 304 + 5m visits, median 240 − 2m (latest: 355 of 359, 218.0)
            cell("month", m, "ALL", "overall", "all", 300 + 5L * m, 304 + 5L * m, 240.0 - 2 * m, -9.5, 11.0);
            cell("month", m, "S01", "overall", "all", 200 + 3L * m, 202 + 3L * m, 230.0 - 2 * m, -15.0, 15.0);
            cell("month", m, "S02", "overall", "all", 100 + 2L * m, 102 + 2L * m, 255.0 - 2 * m, -20.0, 20.0);
            cell("month", m, "S03", "overall", "all", 8, 8, null, 0, 0);
        }
        cell("12-months", 0, "ALL", "overall", "all", 3930, 3978, 229.0, -2.0, 2.5);
        cell("12-months", 0, "S01", "overall", "all", 2598, 2624, 219.5, -2.5, 2.5);
        cell("12-months", 0, "S02", "overall", "all", 1332, 1354, 244.0, -3.5, 4.0);
        cell("12-months", 0, "S03", "overall", "all", 9, 9, null, 0, 0);
        cell("12-months", 0, "ALL", "sex", "female", 2050, 2070, 226.5, -3.5, 3.5);
        cell("12-months", 0, "ALL", "sex", "male", 1870, 1898, 231.0, -3.0, 3.5);
        cell("12-months", 0, "ALL", "sex", "other", 10, 10, null, 0, 0);
        cell("12-months", 0, "ALL", "race", "asian", 300, 303, 210.0, -6.0, 7.5);
        cell("12-months", 0, "S01", "sex", "female", 1400, 1412, 218.0, -3.0, 3.5);
        cell("12-months", 0, "S01", "sex", "other", 5, 5, null, 0, 0);
        renderer = new ScorecardRenderer(TestDatabase.dataSource(),
                Clock.fixed(Instant.parse("2027-03-10T02:00:00Z"), ZoneOffset.UTC));
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void clean() {
        jdbc.sql("DELETE FROM qi.result WHERE business_date = :d").param("d", BUSINESS_DATE).update();
        jdbc.sql("DELETE FROM qi.indicator WHERE indicator_id = :id").param("id", ID).update();
    }

    private static void cell(String kind, int m, String site, String stratifier, String stratum, long n, long population,
            Double median, double low, double high) {
        LocalDate start = FIRST.plusMonths(m);
        LocalDate end = kind.equals("month") ? start.plusMonths(1) : FIRST.plusMonths(12);
        String name = switch (site) {
            case "ALL" -> "Lakeview Health System";
            case "S01" -> "North Hospital";
            case "S02" -> "South Hospital";
            default -> "East Clinic";
        };
        boolean suppressed = median == null;
        jdbc.sql("""
                INSERT INTO qi.result (business_date, indicator_id, period_kind, period_start, period_end, site_key,
                    site_name, stratifier, stratum, initial_population, denominator, denominator_exclusion,
                    denominator_exception, numerator, numerator_exclusion, rate, ci_low, ci_high, ci_method, suppressed,
                    suppression_reason, target, indicator_version, content_hash, run_id)
                VALUES (:d, :id, :kind, :start, :end, :site, :name, :stratifier, :stratum, :population, :population, 0,
                    0, :n, 0, :rate, :low, :high, :method, :suppressed, :reason, 180, '1.0.0', 'itcv', :run)""")
                .param("d", BUSINESS_DATE).param("id", ID).param("kind", kind).param("start", start).param("end", end)
                .param("site", site).param("name", name).param("stratifier", stratifier).param("stratum", stratum)
                .param("population", population).param("n", n).param("rate", median)
                .param("low", suppressed ? null : median + low).param("high", suppressed ? null : median + high)
                .param("method", suppressed ? null : "median-order-statistic").param("suppressed", suppressed)
                .param("reason", suppressed ? "fewer than 11" : null).param("run", RUN).update();
    }

    @Test
    void theOrganisationScorecardShowsTheMedianPageAndTheDefinition() throws Exception {
        Path pdf = OUT.resolve("scorecard-cv-ALL.pdf");
        ScorecardRequest request = new ScorecardRequest(BUSINESS_DATE, "ALL", "Lakeview Health System", pdf);
        RenderedReport report = renderer.render(request);
        List<String> pages = pageTexts(pdf);
        Files.writeString(OUT.resolve("scorecard-cv-ALL.txt"), String.join("\n\f", pages));
        assertThat(pages).hasSize(report.pages());

        // summary: Feb 2027 (m = 11) median 240 − 22 = 218.0, interval 218 − 9.5 = 208.5 to 218 + 11 = 229.0
        String summary = flat(pages.getFirst());
        assertThat(summary).contains("Value", "ED length of stay (median), discharged patients", "218.0 minutes",
                "208.5–229.0", "≤ 180 minutes", "not met", "↓ lower is better")
                // medians falling every month cross their median once: non-random by the Anhøj rules (wrapped cell)
                .containsPattern("special cause \\(non- ?random\\)");

        String page = flat(pageOf(pages, "ED length of stay (median)"));
        assertThat(page).contains("12-month run chart of the monthly median",
                "A p or u control chart does not apply to medians", "Monthly medians (minutes)",
                "Site medians with 95% intervals, last 12 months (Mar 2026 – Feb 2027)",
                "Emergency visits that ended in the month"); // (chart text is drawn as outlines, not extractable)
        // Feb 2027: 359 visits, 355 measured, median 218.0 (208.5–229.0); Mar 2026: 304, 300, 240.0 (230.5–251.0)
        assertThat(page).containsPattern("Feb 2027 ?359 ?355 ?218\\.0 ?208\\.5–229\\.0")
                .containsPattern("Mar 2026 ?304 ?300 ?240\\.0 ?230\\.5–251\\.0");
        // sites over 12 months: North 2,624 / 2,598, 219.5 (217.0–222.0); East Clinic (9) suppressed
        assertThat(page).containsPattern("North Hospital ?2,624 ?2,598 ?219\\.5 ?217\\.0–222\\.0")
                .containsPattern("East Clinic ?suppressed \\(n<11\\)");
        // equity: group medians with intervals, the suppressed group as such, no reference group or flag
        assertThat(page).containsPattern("Female ?2,070 ?2,050 ?226\\.5 ?223\\.0–230\\.0")
                .containsPattern("Asian ?303 ?300 ?210\\.0 ?204\\.0–217\\.5")
                .containsPattern("Other ?suppressed \\(n<11\\)")
                .contains("no disparity is flagged").doesNotContain("(ref.)", "ref. ");

        String definitions = flat(pages.stream().filter(p -> p.contains("Appendix B")).reduce("", String::concat));
        assertThat(definitions).contains(ID,
                "continuous variable: median (minutes)", "one row per encounter");

        assertNoSmallCountsShown(request);
        // 12 months + 2 reportable sites (East Clinic is suppressed) + 3 reportable groups, each "population measured
        // median" = 17 count pairs
        assertThat(PdfPrivacyScan.assertNoSmallCounts(pdf)).isEqualTo(17);
    }

    @Test
    void aSiteScorecardComparesTheSiteMedianWithTheOrganisation() throws Exception {
        Path pdf = OUT.resolve("scorecard-cv-S01.pdf");
        ScorecardRequest request = new ScorecardRequest(BUSINESS_DATE, "S01", "Lakeview Health System", pdf);
        renderer.render(request);
        List<String> pages = pageTexts(pdf);
        Files.writeString(OUT.resolve("scorecard-cv-S01.txt"), String.join("\n\f", pages));
        // S01 Feb 2027: median 230 − 22 = 208.0, interval 193.0–223.0
        assertThat(flat(pages.getFirst())).contains("North Hospital", "208.0 minutes", "193.0–223.0");
        String page = flat(pageOf(pages, "ED length of stay (median)"));
        assertThat(page).contains("This site and the organisation, last 12 months (Mar 2026 – Feb 2027) (minutes)",
                "Organisation (all sites)")
                .containsPattern("North Hospital \\(this site\\) ?2,624 ?2,598 ?219\\.5")
                .containsPattern("Organisation \\(all sites\\) ?3,978 ?3,930 ?229\\.0")
                .containsPattern("Female ?1,412 ?1,400 ?218\\.0 ?215\\.0–221\\.5")
                .containsPattern("Other ?suppressed \\(n<11\\)")
                .doesNotContain("Asian");
        assertNoSmallCountsShown(request);
        assertThat(PdfPrivacyScan.assertNoSmallCounts(pdf)).isGreaterThanOrEqualTo(14);
    }

    /** No element of the filled report shows an integer between 1 and 10 (see ScorecardRendererIT). */
    private static void assertNoSmallCountsShown(ScorecardRequest request) {
        JasperPrint print = ScorecardRenderer.fill(renderer.view(request));
        List<String> texts = new ArrayList<>();
        print.getPages().forEach(p -> collect(p.getElements(), texts));
        assertThat(texts).contains(Counts.SUPPRESSED).doesNotContain(Counts.SMALL);
        assertThat(texts).filteredOn(t -> t.matches("\\d{1,3}(,\\d{3})*")).isNotEmpty()
                .allSatisfy(t -> assertThat(Long.parseLong(t.replace(",", ""))).satisfiesAnyOf(
                        n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo(11L)));
    }

    private static void collect(List<JRPrintElement> elements, List<String> texts) {
        for (JRPrintElement e : elements) {
            if (e instanceof JRPrintText t && t.getFullText() != null) {
                texts.add(t.getFullText().strip());
            } else if (e instanceof JRPrintFrame f) {
                collect(f.getElements(), texts);
            }
        }
    }

    private static List<String> pageTexts(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                pages.add(extractor.getTextFromPage(i));
            }
            return pages;
        } finally {
            reader.close();
        }
    }

    private static String pageOf(List<String> pages, String title) {
        String text = String.join("\n", pages.stream().skip(1).filter(p -> p.contains(title))
                .filter(p -> !p.contains("Appendix")).toList());
        if (text.isEmpty()) {
            throw new AssertionError("no page for " + title);
        }
        return text;
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
