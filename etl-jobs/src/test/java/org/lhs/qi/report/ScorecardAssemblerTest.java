package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lhs.qi.report.ScorecardView.IndicatorPage;
import org.lhs.qi.report.ScorecardView.TableRow;

class ScorecardAssemblerTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);
    private static final LocalDate FIRST = LocalDate.of(2025, 11, 1);
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 24, 3, 15, 0, 0, ZoneOffset.ofHours(1));

    private static final IndicatorInfo DIABETES = new IndicatorInfo("dm", "Diabetes poor control", "desc", "Plain words.",
            Domain.QUALITY, Scoring.PROPORTION, Improvement.DECREASE, 0.15, null);
    private static final IndicatorInfo FALLS = new IndicatorInfo("falls", "Falls with injury", "Falls description", null,
            Domain.SAFETY, Scoring.RATIO, Improvement.DECREASE, 1.0, 1000.0);
    private static final IndicatorInfo EXPERIENCE = new IndicatorInfo("exp", "A experience item", null, null,
            Domain.EXPERIENCE, Scoring.PROPORTION, Improvement.INCREASE, null, null);

    private static ResultRow overall(String id, int month, String site, long num, long den, Double rate, boolean suppressed) {
        return new ResultRow(id, FIRST.plusMonths(month), site, site.equals("ALL") ? "All sites" : "Site " + site,
                "overall", "all", num, den, null, rate, rate == null ? null : rate - 0.02, rate == null ? null : rate + 0.02,
                suppressed);
    }

    private static ScorecardInputs inputs() {
        List<ResultRow> rows = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            rows.add(overall("dm", m, "ALL", 235, 1000, 0.235, false));
            rows.add(overall("dm", m, "S01", m == 4 ? 3 : 100, m == 4 ? 9 : 400, m == 4 ? null : 0.25, m == 4));
            rows.add(overall("dm", m, "S02", 5, 20, 0.25, false));
            rows.add(overall("exp", m, "ALL", 50, 100, 0.5, false));
            rows.add(new ResultRow("falls", FIRST.plusMonths(m), "ALL", "All sites", "overall", "all", 12, 1700, 8000.0,
                    1.5, 0.78, 2.62, false));
        }
        LocalDate oct = FIRST.plusMonths(11);
        rows.add(new ResultRow("dm", oct, "ALL", "All sites", "race", "white", 150, 640, null, 0.234, 0.2, 0.27, false));
        rows.add(new ResultRow("dm", oct, "ALL", "All sites", "race", "asian", 4, 70, null, 0.057, 0.02, 0.14, false));
        rows.add(new ResultRow("dm", oct, "ALL", "All sites", "sex", "other", 2, 6, null, null, null, null, true));
        rows.add(new ResultRow("dm", oct, "ALL", "All sites", "language", "en", 200, 900, null, 0.22, 0.2, 0.25, false));
        return new ScorecardInputs(BUSINESS_DATE, List.of(FALLS, EXPERIENCE, DIABETES), rows, Optional.of(new RunInfo(7, "COMPLETED")));
    }

    private static ScorecardView assemble(String audience) {
        return new ScorecardAssembler().assemble(inputs(),
                new ScorecardRequest(BUSINESS_DATE, audience, "Lakeview", Path.of("x.pdf")), NOW);
    }

    @Test
    void headerNamesTheAudienceThePeriodsAndTheRun() {
        ScorecardView view = assemble("ALL");
        assertThat(view.audienceLabel()).isEqualTo("All sites");
        assertThat(view.businessDate()).isEqualTo("23 November 2026");
        assertThat(view.periods()).isEqualTo("Nov 2025 – Oct 2026");
        assertThat(view.latestPeriod()).isEqualTo("Oct 2026");
        assertThat(view.generatedAt()).isEqualTo("24 Nov 2026, 02:15 UTC");
        assertThat(view.runLabel()).isEqualTo("Run 7");
        assertThat(assemble("S01").audienceLabel()).isEqualTo("Site S01");
    }

    @Test
    void summaryIsOrderedByDomainAndFormatted() {
        ScorecardView view = assemble("ALL");
        assertThat(view.summary()).extracting(ScorecardView.SummaryRow::domain)
                .containsExactly("Quality", "Safety", "Experience");
        ScorecardView.SummaryRow dm = view.summary().getFirst();
        assertThat(dm.latestRate()).isEqualTo("23.5%");
        assertThat(dm.interval()).isEqualTo("21.5–25.5%");
        assertThat(dm.target()).isEqualTo("≤ 15.0%");
        assertThat(dm.status()).isEqualTo("not met");
        assertThat(dm.direction()).isEqualTo("↓ lower is better");
        assertThat(dm.trend()).isEqualTo("→ stable");
        ScorecardView.SummaryRow falls = view.summary().get(1);
        assertThat(falls.latestRate()).isEqualTo("1.50 per 1,000 patient-days");
        assertThat(view.summary().get(2).status()).isEqualTo("no target");
        assertThat(view.pages()).extracting(IndicatorPage::definition)
                .containsExactly("Plain words.", "Falls description",
                        "No plain-language definition has been provided for this indicator.");
    }

    @Test
    void organisationPageComparesSitesAndHidesARowWithASmallCountWhole() {
        IndicatorPage dm = assemble("ALL").pages().getFirst();
        assertThat(dm.sites()).extracting(TableRow::label).containsExactly("Site S01", "Site S02");
        // S02 came in "shown" with a numerator of 1..10: "<11" beside its rate and 20 would give the count back
        // (rate × 20), so the row is printed as suppressed, whatever the flag said
        TableRow s02 = dm.sites().get(1);
        assertThat(s02.suppressed()).isTrue();
        assertThat(s02.numerator()).isEmpty();
        assertThat(s02.denominator()).isEmpty();
        assertThat(s02.rate()).isEqualTo(Counts.SUPPRESSED);
        // the organisation report charts the organisation only (sites are in the site table)
        assertThat(dm.chart().series()).extracting(ChartData.Series::name).containsExactly("Organisation");
        assertThat(dm.chart().control()).as("no SPC values stored in the fixture").isNull();
        assertThat(dm.chart().target()).isEqualTo(15.0);
        assertThat(dm.chart().targetLabel()).isEqualTo("Target ≤ 15.0%");
    }

    @Test
    void aSitePageMarksItsOwnSiteInTheFunnelOfAllSites() {
        ScorecardInputs month = inputs();
        List<ResultRow> year = List.of(
                new ResultRow("dm", FIRST, "ALL", "All sites", "overall", "all", 2820, 12000, null, 0.235, 0.23, 0.24, false),
                new ResultRow("dm", FIRST, "S01", "Site S01", "overall", "all", 1100, 4800, null, 0.229, 0.22, 0.24, false),
                new ResultRow("dm", FIRST, "S02", "Site S02", "overall", "all", 1720, 7200, null, 0.239, 0.23, 0.25, false));
        IndicatorPage dm = new ScorecardAssembler().assemble(new ScorecardInputs(month.businessDate(),
                month.indicators(), month.results(), year, month.run()),
                new ScorecardRequest(BUSINESS_DATE, "S01", "Lakeview", Path.of("x.pdf")), NOW).pages().getFirst();
        assertThat(dm.sites()).extracting(TableRow::label, TableRow::denominator).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Site S01 (this site)", "4,800"),
                org.assertj.core.groups.Tuple.tuple("Organisation (all sites)", "12,000"));
        // the funnel is around the organisation's 23.5%, over patients (or visits): "Denominator", not "patients"
        assertThat(dm.funnel().xLabel()).isEqualTo("Denominator");
        assertThat(dm.funnel().target()).isEqualTo(23.5);
        assertThat(dm.funnel().sites()).extracting(FunnelData.Site::name, FunnelData.Site::highlight).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Site S01 (this site)", true),
                org.assertj.core.groups.Tuple.tuple("Site S02", false));
    }

    @Test
    void equityAndSiteTablesUseTheTwelveMonthPeriodWhenItExists() {
        ScorecardInputs month = inputs();
        List<ResultRow> year = List.of(
                new ResultRow("dm", FIRST, "ALL", "All sites", "overall", "all", 2820, 12000, null, 0.235, 0.23, 0.24, false),
                new ResultRow("dm", FIRST, "ALL", "All sites", "race", "black-or-african-american", 290, 760, null,
                        0.382, 0.35, 0.42, false),
                new ResultRow("dm", FIRST, "S01", "Site S01", "overall", "all", 1100, 4800, null, 0.229, 0.22, 0.24, false));
        ScorecardInputs withYear = new ScorecardInputs(month.businessDate(), month.indicators(), month.results(), year,
                month.run());
        IndicatorPage dm = new ScorecardAssembler().assemble(withYear,
                new ScorecardRequest(BUSINESS_DATE, "ALL", "Lakeview", Path.of("x.pdf")), NOW).pages().getFirst();
        assertThat(dm.equityTitle()).isEqualTo("Equity by patient group, last 12 months (Nov 2025 – Oct 2026)");
        assertThat(dm.equity()).extracting(TableRow::label).containsExactly("Black / African American");
        assertThat(dm.equity().getFirst().rate()).isEqualTo("38.2%");
        assertThat(dm.sites()).extracting(TableRow::label).containsExactly("Site S01");
        assertThat(dm.sites().getFirst().denominator()).isEqualTo("4,800");
    }

    @Test
    void equityTableUsesTheLatestMonthInVocabularyOrderAndHidesSuppressedCounts() {
        IndicatorPage dm = assemble("ALL").pages().getFirst();
        assertThat(dm.equityTitle()).isEqualTo("Equity by patient group, Oct 2026");
        assertThat(dm.equity()).extracting(TableRow::group, TableRow::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sex", "Other"),
                        org.assertj.core.groups.Tuple.tuple("Race", "Asian"),
                        org.assertj.core.groups.Tuple.tuple("Race", "White"));
        TableRow other = dm.equity().getFirst();
        assertThat(other.suppressed()).isTrue();
        assertThat(other.rate()).isEqualTo("suppressed (n<11)");
        assertThat(other.numerator()).isEmpty();
        assertThat(other.denominator()).isEmpty();
        // Asian came in shown with a numerator of 1..10: hidden whole, never as "<11"
        assertThat(dm.equity().get(1).suppressed()).isTrue();
        assertThat(dm.equity().get(1).numerator()).isEmpty();
    }

    @Test
    void sitePageComparesWithTheOrganisationAndShowsSuppressedMonths() {
        IndicatorPage dm = assemble("S01").pages().getFirst();
        // without twelve-month rows the latest month is compared: S01 100/400 against the organisation's 235/1000
        assertThat(dm.sitesTitle()).isEqualTo("This site and the organisation, Oct 2026");
        assertThat(dm.sites()).extracting(TableRow::label, TableRow::numerator, TableRow::denominator, TableRow::rate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Site S01 (this site)", "100", "400", "25.0%"),
                        org.assertj.core.groups.Tuple.tuple("Organisation (all sites)", "235", "1,000", "23.5%"));
        assertThat(dm.chart().series()).extracting(ChartData.Series::name, ChartData.Series::emphasis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Site S01", ChartData.Emphasis.PRIMARY),
                        org.assertj.core.groups.Tuple.tuple("Organisation (all sites)", ChartData.Emphasis.COMPARISON));
        assertThat(dm.chart().series().get(1).values()).containsOnly(23.5);
        // S01's suppressed month (index 4) is absent from its chart
        assertThat(dm.chart().series().getFirst().values().get(4)).isNull();
        assertThat(dm.chart().series().getFirst().values().get(3)).isEqualTo(25.0);
        TableRow may = dm.months().get(4);
        assertThat(may.label()).isEqualTo("Mar 2026");
        assertThat(may.suppressed()).isTrue();
        assertThat(List.of(may.numerator(), may.denominator(), may.interval())).allMatch(String::isEmpty);
        assertThat(dm.months().get(3).numerator()).isEqualTo("100");
        assertThat(dm.months()).hasSize(12);
    }

    @Test
    void ratioPagesShowEventsAndPatientDays() {
        IndicatorPage falls = assemble("ALL").pages().get(1);
        assertThat(falls.numeratorHeading()).isEqualTo("Events");
        assertThat(falls.denominatorHeading()).isEqualTo("Patient-days");
        assertThat(falls.monthsTitle()).isEqualTo("Monthly results (rate per 1,000 patient-days)");
        assertThat(falls.months().getLast().denominator()).isEqualTo("8,000");
        assertThat(falls.months().getLast().rate()).isEqualTo("1.50");
    }

    @Test
    void anAudienceWithoutResultsIsRefused() {
        assertThatThrownBy(() -> assemble("S99")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S99");
        assertThatThrownBy(() -> new ScorecardAssembler().assemble(
                new ScorecardInputs(BUSINESS_DATE, List.of(), List.of(), Optional.empty()),
                new ScorecardRequest(BUSINESS_DATE, "ALL", "Lakeview", Path.of("x.pdf")), NOW))
                .isInstanceOf(IllegalStateException.class);
    }
}
