package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lhs.qi.report.ScorecardView.IndicatorPage;
import org.lhs.qi.report.ScorecardView.SummaryRow;
import org.lhs.qi.report.ScorecardView.TableRow;

class ContinuousPageAssemblerTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 11, 1);
    private static final LocalDate YEAR = FIRST;
    private static final ContinuousIndicator LOS = new ContinuousIndicator("ed-los", "ED length of stay", "desc",
            "Median minutes from ED arrival to departure.", Domain.VALUE, "encounter", Improvement.DECREASE, 180.0,
            "median", "minutes");
    private static final List<LocalDate> MONTHS = java.util.stream.IntStream.range(0, 12)
            .mapToObj(FIRST::plusMonths).toList();

    /** A cell: n observations (numerator), population (denominator), median and interval. */
    private static ResultRow cell(LocalDate period, String site, String stratifier, String stratum, long n, long population,
            Double median, Double low, Double high) {
        return new ResultRow("ed-los", period, site, site.equals("ALL") ? "All sites" : "Site " + site, stratifier,
                stratum, n, population, null, median, low, high, median == null);
    }

    /** ALL: n = 100 + 10m, population n + 2, median 200 + m (201.0–223.0 style interval); S01: median 195 + m. */
    private static List<ResultRow> monthly() {
        List<ResultRow> rows = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            long n = 100 + 10L * m;
            rows.add(cell(FIRST.plusMonths(m), "ALL", "overall", "all", n, n + 2, 200.0 + m, 190.0 + m, 212.0 + m));
            rows.add(cell(FIRST.plusMonths(m), "S01", "overall", "all", 60, 61, 195.0 + (m % 2) * 4, 185.0, 205.0));
        }
        return rows;
    }

    private static List<ResultRow> year() {
        return List.of(cell(YEAR, "ALL", "overall", "all", 1800, 1830, 205.5, 203.0, 208.0),
                cell(YEAR, "S01", "overall", "all", 1200, 1220, 198.0, 195.0, 201.5),
                cell(YEAR, "S02", "overall", "all", 590, 600, 221.0, 215.0, 226.0),
                cell(YEAR, "S03", "overall", "all", 10, 10, null, null, null),
                cell(YEAR, "ALL", "sex", "female", 950, 960, 204.0, 200.0, 208.0),
                cell(YEAR, "ALL", "sex", "other", 6, 6, null, null, null),
                cell(YEAR, "ALL", "race", "asian", 120, 121, 190.5, 180.0, 199.0),
                cell(YEAR, "S01", "sex", "female", 640, 650, 197.0, 193.0, 202.0));
    }

    private static ContinuousPageAssembler.Assembled assemble(String audience) {
        return new ContinuousPageAssembler(LOS, monthly(), year(), audience, MONTHS).assemble(audience.equals("ALL"));
    }

    @Test
    void theSummaryShowsTheLatestMedianWithItsIntervalUnitAndTarget() {
        SummaryRow s = assemble("ALL").summary();
        // Oct 2026 (m = 11): median 211, interval 201–223, target ≤ 180 → not met
        assertThat(s.domain()).isEqualTo("Value");
        assertThat(s.latestRate()).isEqualTo("211.0 minutes");
        assertThat(s.interval()).isEqualTo("201.0–223.0");
        assertThat(s.target()).isEqualTo("≤ 180 minutes");
        assertThat(s.status()).isEqualTo("not met");
        assertThat(s.direction()).isEqualTo("↓ lower is better");
        // (206·160 + 207·170 + 208·180)/510 = 207.04 → (209·190 + 210·200 + 211·210)/600 = 210.03: +1.4%, stable
        assertThat(s.trend()).isEqualTo("→ stable");
        // medians 200..211 climb steadily: one crossing of the median, fewer than the 3 chance allows
        assertThat(s.spc()).isEqualTo("● special cause (non-random)");
        assertThat(s.sparkline().values()).startsWith(200.0, 201.0).endsWith(211.0);
        assertThat(s.sparkline().target()).isEqualTo(180.0);
    }

    @Test
    void theOrganisationPageHasARunChartMonthlySiteAndGroupMediansWithoutDisparityFlags() {
        IndicatorPage p = assemble("ALL").page();
        assertThat(p.chartTitle()).isEqualTo("12-month run chart of the monthly median");
        assertThat(p.chartNote()).contains("A p or u control chart does not apply to medians");
        assertThat(p.chart().valueAxisLabel()).isEqualTo("Median (minutes)");
        assertThat(p.chart().control().centre().getFirst()).isEqualTo(205.5); // median of 200..211
        assertThat(p.chart().control().upper()).containsOnlyNulls();
        assertThat(p.numeratorHeading()).isEqualTo("Encounters");
        assertThat(p.denominatorHeading()).isEqualTo("Measured");
        assertThat(p.rateHeading()).isEqualTo("Median");
        TableRow oct = p.months().getLast();
        assertThat(List.of(oct.label(), oct.numerator(), oct.denominator(), oct.rate(), oct.interval(), oct.status()))
                .containsExactly("Oct 2026", "212", "210", "211.0", "201.0–223.0", "✗");
        assertThat(p.monthsTitle()).isEqualTo("Monthly medians (minutes)");

        assertThat(p.sites()).extracting(TableRow::label).containsExactly("Site S01", "Site S02", "Site S03");
        assertThat(p.sites().get(0).rate()).isEqualTo("198.0");
        assertThat(p.sites().get(2).suppressed()).isTrue();
        assertThat(p.sites().get(2).rate()).isEqualTo(Counts.SUPPRESSED);
        assertThat(p.sites().get(2).numerator()).isEmpty();
        assertThat(p.funnel()).isNull();
        SiteIntervalData sites = p.siteChart();
        assertThat(sites.reference()).isEqualTo(205.5);
        assertThat(sites.referenceLabel()).isEqualTo("organisation median 205.5 minutes");
        assertThat(sites.sites()).extracting(SiteIntervalData.Site::name).containsExactly("Site S01", "Site S02");
        assertThat(sites.sites().get(1).low()).isEqualTo(215.0);
        assertThat(sites.sites()).noneMatch(SiteIntervalData.Site::highlight);

        // equity: only the audience's strata, in stratifier order; the interval takes the comparison column, no flag
        assertThat(p.equity()).extracting(TableRow::label).containsExactly("Female", "Other", "Asian");
        TableRow female = p.equity().getFirst();
        assertThat(List.of(female.group(), female.numerator(), female.denominator(), female.rate(), female.comparison(),
                female.flag())).containsExactly("Sex", "960", "950", "204.0", "200.0–208.0", "");
        TableRow other = p.equity().get(1);
        assertThat(other.suppressed()).isTrue();
        assertThat(List.of(other.numerator(), other.denominator(), other.comparison())).containsOnly("");
        assertThat(p.forest()).isNull();
        assertThat(p.equityNote()).contains("no disparity is flagged");
        assertThat(p.comparisonHeading()).isEqualTo("95% interval");
        // beside the table: the reportable groups drawn against the organisation's 12-month median (not tested)
        assertThat(p.groupChart().sites()).extracting(SiteIntervalData.Site::name, SiteIntervalData.Site::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Female", 204.0),
                        org.assertj.core.groups.Tuple.tuple("Asian", 190.5));
        assertThat(p.groupChart().reference()).isEqualTo(205.5);
    }

    @Test
    void aSitePageComparesTheSiteWithTheOrganisationAndMarksItAmongTheSites() {
        IndicatorPage p = assemble("S01").page();
        assertThat(p.sitesTitle()).startsWith("This site and the organisation, last 12 months");
        assertThat(p.sites()).extracting(TableRow::label)
                .containsExactly("Site S01 (this site)", "Organisation (all sites)");
        assertThat(p.sites()).extracting(TableRow::rate).containsExactly("198.0", "205.5");
        assertThat(p.siteChart().sites()).filteredOn(SiteIntervalData.Site::highlight)
                .extracting(SiteIntervalData.Site::name).containsExactly("Site S01");
        assertThat(p.equity()).extracting(TableRow::label).containsExactly("Female");
        assertThat(p.groupChart()).isNull(); // one reportable group: nothing to draw it against
        // S01 alternates 195, 199: crossings every month, common cause; latest 199 → "199.0 minutes"
        assertThat(p.spc()).isEqualTo("common cause");
        assertThat(p.latestRate()).isEqualTo("199.0 minutes");
    }

    @Test
    void theScorecardPutsTheContinuousIndicatorInItsDomain() {
        IndicatorInfo quality = new IndicatorInfo("dm", "Diabetes", null, null, Domain.QUALITY, Scoring.PROPORTION,
                Improvement.DECREASE, 0.15, null);
        IndicatorInfo experience = new IndicatorInfo("exp", "Experience", null, null, Domain.EXPERIENCE,
                Scoring.PROPORTION, Improvement.INCREASE, null, null);
        List<ResultRow> rows = new ArrayList<>(monthly());
        for (int m = 0; m < 12; m++) {
            rows.add(new ResultRow("dm", FIRST.plusMonths(m), "ALL", "All sites", "overall", "all", 235, 1000, null,
                    0.235, 0.21, 0.26, false));
            rows.add(new ResultRow("exp", FIRST.plusMonths(m), "ALL", "All sites", "overall", "all", 50, 100, null,
                    0.5, 0.4, 0.6, false));
        }
        ScorecardInputs in = new ScorecardInputs(LocalDate.of(2026, 11, 23), List.of(experience, quality), rows,
                year(), Optional.empty());
        ScorecardView view = new ScorecardAssembler().assemble(in, List.of(LOS),
                new ScorecardRequest(LocalDate.of(2026, 11, 23), "ALL", "Lakeview", Path.of("x.pdf")),
                ZonedDateTime.of(2026, 11, 24, 2, 0, 0, 0, ZoneOffset.UTC));
        assertThat(view.summary()).extracting(SummaryRow::domain).containsExactly("Quality", "Experience", "Value");
        assertThat(view.pages()).extracting(IndicatorPage::id).containsExactly("dm", "exp", "ed-los");
        // the proportion pages keep their control chart and rate headings
        assertThat(view.pages().getFirst().chartTitle()).isEqualTo(IndicatorPage.CONTROL_CHART);
        assertThat(view.pages().getFirst().rateHeading()).isEqualTo("Rate");
    }
}
