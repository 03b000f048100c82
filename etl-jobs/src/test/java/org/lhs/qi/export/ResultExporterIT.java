package org.lhs.qi.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupStratifierComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.report.ScorecardFixture;

/**
 * Exports the scorecard fixture's results (suppression applied by the summarise step's classes) and reads them
 * back: the CSV with Commons CSV, the FHIR bundle with HAPI's R4 parser in strict mode.
 */
class ResultExporterIT {

    private static ScorecardFixture fixture;
    private static ResultExporter exporter;

    @TempDir
    static Path dir;

    @BeforeAll
    static void insertResults() {
        DataSource ds = TestDatabase.dataSource();
        fixture = new ScorecardFixture(ds);
        fixture.insert();
        exporter = new ResultExporter(ds, "https://example.org/fhir/Measure/");
    }

    @AfterAll
    static void cleanUp() {
        fixture.clean();
    }

    @Test
    void csvHasOneRowPerCellAndNoCountOfOneToTen() throws Exception {
        List<WrittenFile> files = exporter.export(ScorecardFixture.BUSINESS_DATE, "ALL", "Lakeview", dir,
                "2026-11-23-organisation");
        WrittenFile csv = files.getFirst();
        assertThat(csv.path().getFileName().toString()).isEqualTo("results-2026-11-23-organisation.csv");
        byte[] bytes = Files.readAllBytes(csv.path());
        assertThat(csv.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(csv.sizeBytes()).isEqualTo(bytes.length);

        List<CSVRecord> rows = read(csv.path());
        // 4 indicators × 12 months × 5 site keys × (overall + 24 strata) = 6,000 cells
        assertThat(rows).hasSize(4 * 12 * 5 * 25);
        Map<String, CSVRecord> oct = rows.stream()
                .filter(r -> r.get("indicator_id").equals("diabetes-hba1c-poor-control")
                        && r.get("period_start").equals("2026-10-01") && r.get("stratifier").equals("overall"))
                .collect(Collectors.toMap(r -> r.get("site_key"), r -> r));
        // S01: 92 / 420 = 0.219048, Wilson 95% (0.181659, 0.261295) — as the PDF prints 21.9% (18.2–26.1%)
        CSVRecord s01 = oct.get("S01");
        assertThat(s01.get("numerator")).isEqualTo("92");
        assertThat(s01.get("denominator")).isEqualTo("420");
        assertThat(s01.get("rate")).isEqualTo("0.219048");
        assertThat(s01.get("period_end")).isEqualTo("2026-10-31");
        assertThat(s01.get("suppressed")).isEmpty();
        // S04 4 / 15: primary (numerator 4); S03 255, the smallest other site: complementary; both look the same
        for (String site : List.of("S04", "S03")) {
            CSVRecord r = oct.get(site);
            assertThat(r.get("suppressed")).isEqualTo("small-cell");
            assertThat(List.of(r.get("numerator"), r.get("denominator"), r.get("rate"), r.get("ci_low"), r.get("ci_high")))
                    .allMatch(String::isEmpty);
        }
        // ALL 235 / 1000 stays
        assertThat(oct.get("ALL").get("rate")).isEqualTo("0.235");
        // no published count anywhere is between 1 and 10
        for (CSVRecord r : rows) {
            for (String column : List.of("numerator", "denominator")) {
                if (!r.get(column).isEmpty()) {
                    assertThat(Long.parseLong(r.get(column))).as("%s in %s", column, r)
                            .satisfiesAnyOf(n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo(11));
                }
            }
        }
        // a site's export holds only its own cells: 4 × 12 × 25
        List<WrittenFile> site = exporter.export(ScorecardFixture.BUSINESS_DATE, "S04", "Lakeview", dir,
                "2026-11-23-site-S04");
        assertThat(read(site.getFirst().path())).hasSize(4 * 12 * 25).allMatch(r -> r.get("site_key").equals("S04"));
    }

    @Test
    void measureReportsParseAsStrictR4WithSuppressedValuesMasked() throws Exception {
        WrittenFile json = exporter.export(ScorecardFixture.BUSINESS_DATE, "ALL", "Lakeview", dir,
                "2026-11-23-organisation").get(1);
        assertThat(json.path().getFileName().toString()).isEqualTo("measure-reports-2026-11-23-organisation.json");
        IParser parser = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle;
        try (Reader in = Files.newBufferedReader(json.path(), StandardCharsets.UTF_8)) {
            bundle = parser.parseResource(Bundle.class, in);
        }
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        // one report per indicator × month × site key: 4 × 12 × 5
        List<MeasureReport> reports = bundle.getEntry().stream().map(e -> (MeasureReport) e.getResource()).toList();
        assertThat(reports).hasSize(240);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(MeasureReport.MeasureReportStatus.COMPLETE);
            assertThat(r.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
            assertThat(r.getGroup()).hasSize(1);
            assertThat(r.getGroupFirstRep().getStratifier()).hasSize(5); // sex, race, ethnicity, age_band, payer
        });

        MeasureReport s01 = report(reports, "diabetes-hba1c-poor-control", "S01");
        assertThat(s01.getMeasure()).isEqualTo("https://example.org/fhir/Measure/diabetes-hba1c-poor-control|1.0.0");
        assertThat(s01.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-10-01");
        assertThat(s01.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-10-31");
        assertThat(s01.getReporter().getIdentifier().getValue()).isEqualTo("S01");
        assertThat(s01.getSubject().getType()).isEqualTo("Location");
        MeasureReportGroupComponent g = s01.getGroupFirstRep();
        assertThat(count(g.getPopulation(), "numerator")).isEqualTo(92);
        assertThat(count(g.getPopulation(), "denominator")).isEqualTo(420);
        assertThat(g.getMeasureScore().getValue().doubleValue()).isEqualTo(0.219048);
        MeasureReportGroupStratifierComponent sex = g.getStratifier().stream()
                .filter(s -> s.getCodeFirstRep().getText().equals("sex")).findFirst().orElseThrow();
        // S01 Oct female: round(420 × 0.52) = 218 patients
        var female = sex.getStratum().stream().filter(s -> s.getValue().getText().equals("female")).findFirst().orElseThrow();
        assertThat(female.getPopulation().stream().filter(p -> p.getCode().getCodingFirstRep().getCode().equals("denominator"))
                .findFirst().orElseThrow().getCount()).isEqualTo(218);

        // S04 (4 / 15) is suppressed: no counts, no score, each marked data-absent-reason = masked
        MeasureReportGroupComponent s04 = report(reports, "diabetes-hba1c-poor-control", "S04").getGroupFirstRep();
        assertThat(s04.getPopulation()).hasSize(2).allSatisfy(p -> {
            assertThat(p.hasCount()).isFalse();
            assertThat(p.getExtensionByUrl(MeasureReportBundle.DATA_ABSENT_REASON).getValue().primitiveValue())
                    .isEqualTo("masked");
        });
        assertThat(s04.getMeasureScore().hasValue()).isFalse();
        assertThat(s04.getMeasureScore().getExtensionByUrl(MeasureReportBundle.DATA_ABSENT_REASON)).isNotNull();

        // every count in the bundle is 0 or at least 11
        assertThat(reports.stream().flatMap(r -> r.getGroup().stream()).flatMap(gr -> java.util.stream.Stream.<org.hl7.fhir.r4.model.BackboneElement>concat(
                        gr.getPopulation().stream().map(p -> (org.hl7.fhir.r4.model.BackboneElement) p),
                        gr.getStratifier().stream().flatMap(s -> s.getStratum().stream())
                                .flatMap(st -> st.getPopulation().stream())))
                .map(p -> p instanceof MeasureReport.MeasureReportGroupPopulationComponent gp
                        ? (gp.hasCount() ? Integer.valueOf(gp.getCount()) : null)
                        : ((MeasureReport.StratifierGroupPopulationComponent) p).hasCount()
                                ? Integer.valueOf(((MeasureReport.StratifierGroupPopulationComponent) p).getCount()) : null)
                .filter(java.util.Objects::nonNull))
                .isNotEmpty().allMatch(n -> n == 0 || n >= 11);
    }

    @Test
    void aRerunWritesTheSameBytes() {
        WrittenFile first = exporter.export(ScorecardFixture.BUSINESS_DATE, "S01", "Lakeview", dir, "again").get(1);
        WrittenFile second = exporter.export(ScorecardFixture.BUSINESS_DATE, "S01", "Lakeview", dir, "again").get(1);
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    private static MeasureReport report(List<MeasureReport> reports, String indicator, String site) {
        return reports.stream().filter(r -> r.getMeasure().contains(indicator)
                        && r.getReporter().getIdentifier().getValue().equals(site)
                        && r.getPeriod().getStartElement().getValueAsString().equals("2026-10-01"))
                .findFirst().orElseThrow();
    }

    private static int count(List<MeasureReport.MeasureReportGroupPopulationComponent> populations, String code) {
        return populations.stream().filter(p -> p.getCode().getCodingFirstRep().getCode().equals(code)).findFirst()
                .orElseThrow().getCount();
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
