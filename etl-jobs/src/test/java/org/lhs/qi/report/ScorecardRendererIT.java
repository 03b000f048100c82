package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.privacy.PdfPrivacyScan;

/** Renders the organisation and a site scorecard from fixture results on real PostgreSQL and reads the PDFs back. */
class ScorecardRendererIT {

    /** Kept after the build so people can look at the PDFs (target/scorecards/*.pdf). */
    private static final Path OUT = Path.of("target", "scorecards");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:15:00Z"), ZoneOffset.UTC);

    private static ScorecardFixture fixture;
    private static ScorecardRenderer renderer;

    @BeforeAll
    static void insertResults() throws IOException {
        DataSource ds = TestDatabase.dataSource();
        fixture = new ScorecardFixture(ds);
        fixture.insert();
        renderer = new ScorecardRenderer(ds, CLOCK);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void cleanUp() {
        fixture.clean();
    }

    @Test
    void organisationScorecardHasASummaryPageAndOnePagePerIndicator() throws Exception {
        Path pdf = OUT.resolve("scorecard-ALL.pdf");
        RenderedReport report = renderer.render(
                new ScorecardRequest(ScorecardFixture.BUSINESS_DATE, "ALL", "Lakeview Health System", pdf));

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(report.pdf()).isEqualTo(pdf.toAbsolutePath());
        assertThat(report.sizeBytes()).isEqualTo(bytes.length);
        assertThat(report.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        // cover, two pages per indicator (main, equity), the appendix (data quality, definitions)
        // cover + 2 pages per indicator + the appendix; the appendix may run longer when other tests stored
        // data-quality rows for the same business date in the shared database
        assertThat(report.pages()).isBetween(1 + 2 * ScorecardFixture.INDICATORS.size() + 2,
                1 + 2 * ScorecardFixture.INDICATORS.size() + 4);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (Stream<Path> files = Files.list(OUT)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        List<String> pages = pageTexts(bytes);
        Files.writeString(OUT.resolve("scorecard-ALL.txt"), String.join("\n\f", pages));
        assertThat(pages).hasSize(report.pages());
        String summary = flat(pages.getFirst());
        assertThat(summary).contains("Lakeview Health System", "All sites", "23 November 2026", "Nov 2025 – Oct 2026",
                "24 Nov 2026, 02:15 UTC", "Summary");
        // domain order: quality before safety; both quality titles sorted alphabetically
        assertThat(summary.indexOf("Controlling high blood pressure"))
                .isLessThan(summary.indexOf("Diabetes: HbA1c poor control"));
        assertThat(summary.indexOf("Diabetes: HbA1c poor control")).isLessThan(summary.indexOf("Inpatient falls with injury"));
        // hand-worked: diabetes ALL Oct 2026 = 235/1000; falls ALL = 12 events / 8,000 patient-days × 1,000
        assertThat(summary).contains("23.5%", "≤ 15.0%", "1.50 per 1,000 patient-days", "↓ lower is better",
                "↑ higher is better", "not met");
        // Wilson interval of 235/1000: 21.0%–26.2%
        assertThat(summary).contains("21.0–26.2%");

        String diabetes = pageOf(pages, "Diabetes: HbA1c poor control");
        assertThat(flat(diabetes)).contains("12-month control chart", "Monthly results", "Equity by patient group, Oct 2026",
                "Sites, Oct 2026", "Northside General Hospital", "1,000", "Black / African American");
        // S04's Oct numerator is 4 (of 15): 26.7% × 15 would give the 4 back, so the whole row is suppressed, and
        // so is the next smallest site, S03 (255), or ALL − S01 − S02 − S03 would: 1000 − 420 − 310 − 255 = 15
        assertThat(flat(diabetes)).containsPattern("Lakeshore Clinic ?suppressed \\(n<11\\)")
                .containsPattern("Valley Medical Centre ?suppressed \\(n<11\\)")
                .doesNotContainPattern("Lakeshore Clinic ?(<11 )?15 ");
        String falls = flat(pageOf(pages, "Inpatient falls with injury"));
        assertThat(falls).contains("Events", "Patient-days", "8,000", "per 1,000 patient-days");
        assertNoSmallCountsShown(new ScorecardRequest(ScorecardFixture.BUSINESS_DATE, "ALL", "Lakeview Health System", pdf));
        // the text scan reads every count pair in the PDF: 4 indicators × (12 months + sites + strata), less suppressed
        assertThat(PdfPrivacyScan.assertNoSmallCounts(pdf)).isGreaterThan(100);
    }

    @Test
    void siteScorecardShowsTheSiteAgainstTheOrganisationAndHidesSuppressedCells() throws Exception {
        Path pdf = OUT.resolve("scorecard-S04.pdf");
        RenderedReport report = renderer.render(
                new ScorecardRequest(ScorecardFixture.BUSINESS_DATE, "S04", "Lakeview Health System", pdf));

        List<String> pages = pageTexts(Files.readAllBytes(pdf));
        Files.writeString(OUT.resolve("scorecard-S04.txt"), String.join("\n\f", pages));
        assertThat(report.pages()).isBetween(11, 13); // the appendix may run longer (see above)
        // S04's latest month (4 of 15) is suppressed: the summary says so instead of 26.7%
        assertThat(flat(pages.getFirst())).contains("Lakeshore Clinic", Counts.SUPPRESSED).doesNotContain("26.7%");
        String diabetes = pageOf(pages, "Diabetes: HbA1c poor control");
        assertThat(diabetes).doesNotContain("Sites, Oct 2026");
        // Apr 2026 at S04: 3 of 9, suppressed: the row says so and shows neither number
        String april = lineWith(diabetes, "Apr 2026");
        assertThat(april).contains(Counts.SUPPRESSED);
        assertThat(april.replace("Apr 2026", "").replace("n<11", "")).doesNotContainPattern("\\d");
        assertNoSmallCountsShown(new ScorecardRequest(ScorecardFixture.BUSINESS_DATE, "S04", "Lakeview Health System", pdf));
        assertThat(PdfPrivacyScan.assertNoSmallCounts(pdf)).isGreaterThan(20);
    }

    @Test
    void theAppendixListsTheRunsDataQualityVerdictsAndHowEachIndicatorIsDefined() throws Exception {
        // a run id above any other test's, so these are the business date's latest verdicts
        long run = 9_000_000_001L;
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
                .create(TestDatabase.dataSource());
        String insert = """
                INSERT INTO qi.dq_result (run_id, business_date, check_id, table_name, site_key, severity, passed,
                    observed, threshold, message, kind)
                VALUES (:run, :d, :check, :table, :site, :severity, :passed, :observed, :threshold, :message, :kind)""";
        try {
            Object[][] rows = {
                    {"zz-it-bp-present", "observation", "ALL", "critical", true, 0.97, 0.90, "ok", "required-share"},
                    {"zz-it-bp-present", "observation", "S01", "critical", true, 0.95, 0.90, "ok", "required-share"},
                    {"zz-it-encounter-fresh", "encounter", "ALL", "critical", true, 2, 31, "ok", "freshness"},
                    {"zz-it-disposition", "encounter", "S04", "warning", false, 0.12, 0.30,
                            "12.00% of rows carry a discharge disposition (at least 30.00% required)", "required-share"}};
            for (Object[] r : rows) {
                jdbc.sql(insert).param("run", run).param("d", ScorecardFixture.BUSINESS_DATE).param("check", r[0])
                        .param("table", r[1]).param("site", r[2]).param("severity", r[3]).param("passed", r[4])
                        .param("observed", new java.math.BigDecimal(r[5].toString()))
                        .param("threshold", new java.math.BigDecimal(r[6].toString())).param("message", r[7])
                        .param("kind", r[8]).update();
            }
            Path pdf = OUT.resolve("scorecard-appendix-ALL.pdf");
            renderer.render(new ScorecardRequest(ScorecardFixture.BUSINESS_DATE, "ALL", "Lakeview Health System", pdf));
            List<String> pages = pageTexts(Files.readAllBytes(pdf));
            Files.writeString(OUT.resolve("scorecard-appendix-ALL.txt"), String.join("\n\f", pages));

            // cover: status and freshness (business date − 2 days)
            assertThat(flat(pages.getFirst())).contains("1 warning · 4 checks (see appendix)",
                    "encounter data to 21 Nov 2026");
            String dq = flat(pages.stream().filter(p -> p.contains("Appendix A")).findFirst().orElseThrow());
            // the warning comes first, with its message; the passed check is one line for all + 1 site with the range
            assertThat(dq).contains("zz-it-disposition", "completeness", "warning", "12% 30%",
                    "12.00% of rows carry a discharge disposition");
            assertThat(dq.indexOf("zz-it-disposition")).isLessThan(dq.indexOf("zz-it-bp-present"));
            // (PDF text extraction glues neighbouring cells, hence the optional blanks)
            assertThat(dq).containsPattern("zz-it-bp-present completeness critical observation all \\+ S01 ?95%–97% ?90% ?passed");
            assertThat(dq).containsPattern("zz-it-encounter-fresh freshness critical encounter all 2 d ?31 d ?passed");

            String definitions = flat(pages.stream().filter(p -> p.contains("Appendix B")).reduce("", String::concat));
            // rendered from qi.indicator: plain-language text, version, content hash, scoring
            assertThat(definitions).contains("How each indicator is defined",
                    "Adults aged 18–75 with diabetes whose most recent HbA1c in the month was above 9.0%",
                    "ratio: events per 1,000 patient-days", "proportion (numerator ÷ denominator)",
                    "12 calendar months, Nov 2025 – Oct 2026");
            assertThat(definitions).containsPattern("v1\\S* · \\S+\\.yaml");
            assertThat(definitions).contains("SHA-256 ");
        } finally {
            jdbc.sql("DELETE FROM qi.dq_result WHERE run_id = :run").param("run", run).update();
        }
    }

    @Test
    void rendersAtomicallyOverAnExistingFile() throws Exception {
        Path pdf = OUT.resolve("scorecard-S01.pdf");
        Files.writeString(pdf, "old content");
        RenderedReport report = renderer.render(
                new ScorecardRequest(ScorecardFixture.BUSINESS_DATE, "S01", "Lakeview Health System", pdf));
        assertThat(Files.size(pdf)).isEqualTo(report.sizeBytes());
        assertThat(pageTexts(Files.readAllBytes(pdf)).getFirst()).contains("Northside General Hospital");
    }

    @Test
    void anUnknownAudienceFailsWithoutWritingAFile() {
        Path pdf = OUT.resolve("scorecard-S99.pdf");
        assertThatThrownBy(() -> renderer.render(
                new ScorecardRequest(ScorecardFixture.BUSINESS_DATE, "S99", "Lakeview Health System", pdf)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S99");
        assertThat(pdf).doesNotExist();
    }

    /**
     * Checks the filled report element by element (each table cell is its own text element, while PDF text
     * extraction glues neighbouring cells together): no element shows an integer between 1 and 10, so no
     * numerator, denominator or exposure of 1..10 is printed anywhere, suppressed or not.
     */
    private static void assertNoSmallCountsShown(ScorecardRequest request) {
        JasperPrint print = ScorecardRenderer.fill(renderer.view(request));
        List<String> texts = new ArrayList<>();
        print.getPages().forEach(page -> collectTexts(page.getElements(), texts));
        // suppressed cells show as such; no count is masked as "<11" beside a rate it could be worked out from
        assertThat(texts).contains(Counts.SUPPRESSED).doesNotContain(Counts.SMALL);
        assertThat(texts).filteredOn(t -> t.matches("\\d{1,3}(,\\d{3})*"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(Long.parseLong(t.replace(",", ""))).satisfiesAnyOf(
                        n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo(11L)));
    }

    private static void collectTexts(List<JRPrintElement> elements, List<String> texts) {
        for (JRPrintElement e : elements) {
            if (e instanceof JRPrintText t && t.getFullText() != null) {
                texts.add(t.getFullText().strip());
            } else if (e instanceof JRPrintFrame f) {
                collectTexts(f.getElements(), texts);
            }
        }
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
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

    /** The indicator's pages (its main page and its equity page), joined; never the summary or the appendix. */
    private static String pageOf(List<String> pages, String title) {
        String text = String.join("\n", pages.stream().skip(1).filter(p -> p.contains(title))
                .filter(p -> !p.contains("Appendix")).toList());
        if (text.isEmpty()) {
            throw new AssertionError("no page for " + title);
        }
        return text;
    }

    /** Text with line breaks and runs of blanks as single spaces: wrapped cells read as one phrase. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String lineWith(String page, String text) {
        return page.lines().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + text + " in:\n" + page));
    }
}
