package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.report.ScorecardView.Appendix;
import org.lhs.qi.report.ScorecardView.DqRow;

class AppendixAssemblerTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 23);

    private static final List<DataQualityFinding> FINDINGS = List.of(
            finding("hba1c-range", "value-range", "critical", "ALL", true, 0.0, 0.01),
            finding("hba1c-range", "value-range", "critical", "S01", true, 0.0, 0.01),
            finding("hba1c-range", "value-range", "critical", "S02", true, 0.004, 0.01),
            finding("encounter-freshness", "freshness", "critical", "ALL", true, 1.0, 31.0),
            finding("observation-freshness", "freshness", "warning", "ALL", true, 3.0, 60.0),
            finding("discharge-disposition-present", "required-share", "warning", "S02", false, 0.25, 0.30),
            finding("patient-volume", "volume-change", "critical", "S01", false, 0.41, 0.20));

    @Test
    void failuresFirstThenOnePassedLinePerCheck() {
        Appendix a = AppendixAssembler.assemble(DATE, "ALL", FINDINGS, List.of(), List.of());
        assertThat(a.dataQuality()).extracting(DqRow::check).containsExactly("patient-volume",
                "discharge-disposition-present", "encounter-freshness", "hba1c-range", "observation-freshness");
        DqRow failed = a.dataQuality().getFirst();
        assertThat(failed.outcome()).isEqualTo("FAILED");
        assertThat(failed.category()).isEqualTo("volume");
        assertThat(failed.observed()).isEqualTo("41%");
        assertThat(failed.threshold()).isEqualTo("20%");
        assertThat(a.dataQuality().get(1).outcome()).isEqualTo("warning");
        DqRow range = a.dataQuality().get(3);
        assertThat(range.site()).isEqualTo("all + 2 sites");
        assertThat(range.observed()).isEqualTo("0%–0.4%");
        assertThat(range.category()).isEqualTo("plausibility");
        assertThat(a.dqStatus()).isEqualTo("1 critical failure · 1 warning · 7 checks (see appendix)");
        assertThat(a.freshness()).isEqualTo("encounter data to 22 Nov 2026 · observation data to 20 Nov 2026");
    }

    @Test
    void aSiteSeesItsOwnAndTheOrganisationRows() {
        Appendix a = AppendixAssembler.assemble(DATE, "S01", FINDINGS, List.of(), List.of());
        assertThat(a.dataQuality()).extracting(DqRow::check).doesNotContain("discharge-disposition-present");
        assertThat(a.dataQuality().stream().filter(r -> r.check().equals("hba1c-range")).findFirst().orElseThrow()
                .site()).isEqualTo("all + S01");
    }

    @Test
    void allPassedAndDefinitions() {
        DefinitionDetail d = new DefinitionDetail("falls", "Falls", "1.0.0", "abc123", "ratio", "encounter",
                "decrease", 1.0, 1000.0, "/x/falls.yaml", "Numerator: falls.", List.of());
        Appendix a = AppendixAssembler.assemble(DATE, "ALL", FINDINGS.subList(0, 5), List.of(d),
                List.of(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 1)));
        assertThat(a.dqStatus()).isEqualTo("passed: all 5 checks");
        ScorecardView.DefinitionEntry e = a.definitions().getFirst();
        assertThat(e.scoring()).isEqualTo("ratio: events per 1,000 patient-days");
        assertThat(e.target()).isEqualTo("≤ 1.00");
        assertThat(e.sourceFile()).isEqualTo("falls.yaml");
        assertThat(e.valueSets()).startsWith("none");
        assertThat(e.periods()).startsWith("12 calendar months, Nov 2025 – Oct 2026");
        assertThat(AppendixAssembler.status(List.of())).isEqualTo("no data-quality checks recorded for this run");
    }

    @Test
    void aRatioNamesItsExposure() {
        DefinitionDetail d = new DefinitionDetail("clabsi", "CLABSI", "1.0.0", "abc", "ratio", "encounter", "decrease",
                0.8, 1000.0, "clabsi.yaml", "x", List.of(), null, null, "central-line-days");
        assertThat(AppendixAssembler.assemble(DATE, "ALL", List.of(), List.of(d), List.of()).definitions().getFirst()
                .scoring()).isEqualTo("ratio: events per 1,000 central-line days");
    }

    @Test
    void extractChecksCountRowsOrShowAChangeAsAShare() {
        Appendix a = AppendixAssembler.assemble(DATE, "ALL", List.of(
                finding("encounter-delivered", "extract-not-empty", "critical", "ALL", true, 29682.0, 1.0),
                finding("encounter-volume", "extract-volume-change", "critical", "ALL", true, 0.0, 0.3)), List.of(),
                List.of());
        // a row count, not 2,968,200%; the change stays a share
        assertThat(a.dataQuality()).extracting(DqRow::category, DqRow::observed, DqRow::threshold).containsExactly(
                org.assertj.core.groups.Tuple.tuple("volume", "29,682 rows", "1 row"),
                org.assertj.core.groups.Tuple.tuple("volume", "0%", "30%"));
    }

    @Test
    void aContinuousVariableIsDefinedByItsAggregateAndUnit() {
        DefinitionDetail d = new DefinitionDetail("ed-los", "ED LOS", "1.0.0", "abc", "continuous-variable", "encounter",
                "decrease", 180.0, null, "ed-los.yaml", "Median minutes.", List.of(), "median", "minutes", null);
        ScorecardView.DefinitionEntry e = AppendixAssembler.assemble(DATE, "ALL", List.of(), List.of(d), List.of())
                .definitions().getFirst();
        assertThat(e.scoring())
                .isEqualTo("continuous variable: median (minutes)");
        assertThat(e.target()).isEqualTo("≤ 180 minutes");
        assertThat(e.improvement()).isEqualTo("↓ lower is better");
    }

    private static DataQualityFinding finding(String id, String kind, String severity, String site, boolean passed,
            Double observed, Double threshold) {
        return new DataQualityFinding(id, "d", kind, severity, id.substring(0, id.indexOf('-')), site, passed, observed,
                threshold, "msg");
    }
}
