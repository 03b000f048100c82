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
        assertThat(report.pages()).isEqualTo(1 + ScorecardFixture.INDICATORS.size());
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (Stream<Path> files = Files.list(OUT)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        List<String> pages = pageTexts(bytes);
        Files.writeString(OUT.resolve("scorecard-ALL.txt"), String.join("\n\f", pages));
        assertThat(pages).hasSize(5);
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
        assertThat(report.pages()).isEqualTo(5);
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

    private static String pageOf(List<String> pages, String title) {
        return pages.stream().skip(1).filter(p -> p.contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no page for " + title));
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
