package org.lhs.qi.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lhs.qi.report.ScorecardView.IndicatorPage;
import org.lhs.qi.report.ScorecardView.SummaryRow;
import org.lhs.qi.report.ScorecardView.TableRow;

/**
 * Builds the summary row and the page of a continuous-variable indicator (e.g. median ED length of stay) for one
 * audience: a run chart of the monthly medians with the Anhøj rules, the monthly, site and patient-group medians
 * with their 95% intervals, and the sites' medians drawn with their intervals against the organisation median.
 * In {@code qi.result} such a cell carries the number of observations as its numerator, the measure population as
 * its denominator and the median (or mean) as its rate; cells with fewer than 11 observations are suppressed.
 */
public final class ContinuousPageAssembler {

    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    /** The summary row and page of one indicator. */
    public record Assembled(ContinuousIndicator indicator, SummaryRow summary, IndicatorPage page) {}

    private final ContinuousIndicator indicator;
    private final ContinuousFormat format;
    private final List<ResultRow> rows;
    private final List<ResultRow> yearRows;
    private final String audience;
    private final List<LocalDate> months;
    private final Map<LocalDate, ResultRow> audienceOverall;
    private final ResultRow latest;

    /**
     * Assembler of one indicator's rows: {@code rows} its monthly rows, {@code yearRows} its twelve-month rows
     * (may be empty: the latest month is compared then), {@code months} the scorecard's months in order.
     */
    public ContinuousPageAssembler(ContinuousIndicator indicator, List<ResultRow> rows, List<ResultRow> yearRows,
            String audience, List<LocalDate> months) {
        this.indicator = indicator;
        this.format = new ContinuousFormat(indicator);
        this.rows = List.copyOf(rows);
        this.yearRows = List.copyOf(yearRows);
        this.audience = audience;
        this.months = List.copyOf(months);
        this.audienceOverall = rows.stream().filter(r -> r.overall() && r.siteKey().equals(audience))
                .collect(Collectors.toMap(ResultRow::periodStart, Function.identity(), (a, b) -> a, TreeMap::new));
        this.latest = audienceOverall.get(months.getLast());
    }

    /** The summary row and the page. */
    public Assembled assemble(boolean organisationWide) {
        MedianRunChart run = MedianRunChart.of(monthlyValues(), indicator.improvement());
        Trend trend = ContinuousTrend.of(List.copyOf(audienceOverall.values()), indicator.improvement());
        TargetStatus status = TargetStatus.evaluate(reportable(latest) ? latest.rate() : null, indicator.target(),
                indicator.improvement());
        ChartData chart = chart(run);
        String target = format.target(indicator.target(), indicator.improvement());
        SummaryRow summary = new SummaryRow(indicator.domain().label(), indicator.title(), latestValue(),
                latestInterval(), target, status.label(), status.name(), indicator.improvement().label(), trend.label(),
                trend.direction().name(), run.status().label(), run.status().code().name(), SparklineData.of(chart));
        return new Assembled(indicator, summary, page(organisationWide, run, trend, status, chart, target));
    }

    private IndicatorPage page(boolean organisationWide, MedianRunChart run, Trend trend, TargetStatus status,
            ChartData chart, String target) {
        LocalDate latestMonth = months.getLast();
        List<TableRow> monthRows = months.stream().map(m -> {
            ResultRow r = audienceOverall.get(m);
            String label = ScorecardAssembler.MONTH.format(m);
            return r == null ? new TableRow(null, label, "–", "–", "no data", "", "", "", false) : tableRow(null, label, r);
        }).toList();
        boolean year = !yearRows.isEmpty();
        List<ResultRow> comparison = year ? yearRows
                : rows.stream().filter(r -> r.periodStart().equals(latestMonth)).toList();
        String comparisonLabel = year
                ? "last 12 months (" + ScorecardAssembler.MONTH.format(months.getFirst()) + " – "
                        + ScorecardAssembler.MONTH.format(latestMonth) + ")"
                : ScorecardAssembler.MONTH.format(latestMonth);
        // no disparity flag: a valid test for a difference of medians between groups (and its FDR control) is not
        // implemented, and non-overlapping intervals are not such a test; the groups' intervals are shown instead
        List<TableRow> equity = comparison.stream()
                .filter(r -> r.siteKey().equals(audience) && Strata.shown(r.stratifier()))
                .sorted(Comparator.comparingInt((ResultRow r) -> Strata.stratifierRank(r.stratifier()))
                        .thenComparingInt(r -> Strata.stratumRank(r.stratifier(), r.stratum()))
                        .thenComparing(ResultRow::stratum))
                .map(r -> withInterval(tableRow(Strata.stratifierLabel(r.stratifier()), Strata.stratumLabel(r.stratum()), r)))
                .toList();
        List<ResultRow> siteRows = comparison.stream().filter(r -> r.overall() && !r.siteKey().equals(ScorecardRequest.ALL))
                .sorted(Comparator.comparing(ResultRow::siteKey)).toList();
        ResultRow organisation = comparison.stream()
                .filter(r -> r.overall() && r.siteKey().equals(ScorecardRequest.ALL)).findFirst().orElse(null);
        List<TableRow> sites;
        String sitesTitle;
        if (organisationWide) {
            sites = siteRows.stream().map(r -> tableRow(null, r.siteName(), r)).toList();
            sitesTitle = "Sites, " + comparisonLabel;
        } else {
            sites = new ArrayList<>();
            siteRows.stream().filter(r -> r.siteKey().equals(audience)).findFirst()
                    .ifPresent(r -> sites.add(tableRow(null, r.siteName() + " (this site)", r)));
            if (organisation != null) {
                sites.add(tableRow(null, "Organisation (all sites)", organisation));
            }
            sitesTitle = "This site and the organisation, " + comparisonLabel;
        }
        SiteIntervalData siteChart = siteChart(siteRows, organisation, organisationWide);
        String unitNote = format.unit().isEmpty() ? "" : " (" + format.unit() + ")";
        String measure = format.measure().toLowerCase(Locale.ROOT);
        return new IndicatorPage(indicator.id(), indicator.title(), indicator.domain().label(),
                indicator.plainDefinition(), ScorecardAssembler.MONTH.format(latestMonth), latestValue(),
                latestInterval(), target, status.label(), status.name(), indicator.improvement().label(), trend.label(),
                trend.direction().name(), run.status().label(), run.status().code().name(), chart,
                format.populationHeading(), "Measured",
                "Monthly " + measure + "s" + unitNote, monthRows,
                "Patient groups, " + comparisonLabel + unitNote, equity, null,
                "Each group’s " + measure + " with its 95% interval. Groups are not tested against each other (no test "
                        + "for a difference of " + measure + "s is applied), so no disparity is flagged.",
                sitesTitle + unitNote, sites, null,
                "12-month run chart of the monthly " + measure,
                "Centre line: the median of the monthly values; Anhøj run rules mark non-random runs. A p or u "
                        + "control chart does not apply to " + measure + "s.",
                format.measure(), "95% interval",
                siteChart == null ? null : "Site " + measure + "s with 95% intervals, " + comparisonLabel, siteChart,
                groupChart(comparison, organisationWide));
    }

    /**
     * The patient groups' values and intervals against the audience's overall value (drawn, not tested); null
     * without an overall value or with fewer than 2 reportable groups. A label shared by two stratifiers ("Other",
     * "Unknown") names its stratifier.
     */
    private SiteIntervalData groupChart(List<ResultRow> comparison, boolean organisationWide) {
        ResultRow overall = comparison.stream().filter(r -> r.overall() && r.siteKey().equals(audience)).findFirst()
                .orElse(null);
        if (!reportable(overall)) {
            return null;
        }
        List<ResultRow> groups = comparison.stream()
                .filter(r -> r.siteKey().equals(audience) && Strata.shown(r.stratifier()) && reportable(r)
                        && r.ciLow() != null && r.ciHigh() != null)
                .sorted(Comparator.comparingInt((ResultRow r) -> Strata.stratifierRank(r.stratifier()))
                        .thenComparingInt(r -> Strata.stratumRank(r.stratifier(), r.stratum()))
                        .thenComparing(ResultRow::stratum))
                .toList();
        if (groups.size() < 2) {
            return null;
        }
        Map<String, Long> labels = groups.stream()
                .collect(Collectors.groupingBy(r -> Strata.stratumLabel(r.stratum()), Collectors.counting()));
        List<SiteIntervalData.Site> items = groups.stream().map(r -> {
            String label = Strata.stratumLabel(r.stratum());
            if (labels.get(label) > 1) {
                label += " (" + Strata.stratifierLabel(r.stratifier()).toLowerCase(Locale.ROOT) + ")";
            }
            return new SiteIntervalData.Site(label, r.rate(), r.ciLow(), r.ciHigh(), false);
        }).toList();
        String whose = organisationWide ? "organisation" : "this site’s";
        return new SiteIntervalData(format.heading(), "Patient group", whose + " " + format.measure().toLowerCase(Locale.ROOT) + " "
                + format.valueWithUnit(overall.rate()), overall.rate(), indicator.target(),
                "target " + format.target(indicator.target(), indicator.improvement()), items);
    }

    /** Each site's value and interval against the organisation's; null when fewer than 2 sites are reportable. */
    private SiteIntervalData siteChart(List<ResultRow> siteRows, ResultRow organisation, boolean organisationWide) {
        if (!reportable(organisation)) {
            return null;
        }
        List<SiteIntervalData.Site> sites = siteRows.stream()
                .filter(r -> reportable(r) && r.ciLow() != null && r.ciHigh() != null)
                .map(r -> new SiteIntervalData.Site(r.siteName(), r.rate(), r.ciLow(), r.ciHigh(),
                        !organisationWide && r.siteKey().equals(audience)))
                .toList();
        if (sites.size() < 2) {
            return null;
        }
        return new SiteIntervalData(format.heading(), "Site", "organisation " + format.measure().toLowerCase(Locale.ROOT) + " "
                + format.valueWithUnit(organisation.rate()), organisation.rate(), indicator.target(),
                "target " + format.target(indicator.target(), indicator.improvement()), sites);
    }

    /** The run chart: the audience's monthly values, the target line, the run-chart centre and marks. */
    private ChartData chart(MedianRunChart run) {
        String name = audience.equals(ScorecardRequest.ALL) ? "Organisation" : rows.stream()
                .filter(r -> r.siteKey().equals(audience)).map(ResultRow::siteName).findFirst().orElse(audience);
        String targetLabel = indicator.target() == null ? null
                : "Target " + format.target(indicator.target(), indicator.improvement());
        List<ChartData.Series> series = new ArrayList<>(List.of(
                new ChartData.Series(name, monthlyValues(), ChartData.Emphasis.PRIMARY)));
        if (!audience.equals(ScorecardRequest.ALL)) {
            List<Double> organisation = new ArrayList<>();
            for (LocalDate m : months) {
                ResultRow r = rows.stream().filter(x -> x.overall() && x.siteKey().equals(ScorecardRequest.ALL)
                        && x.periodStart().equals(m)).findFirst().orElse(null);
                organisation.add(reportable(r) ? r.rate() : null);
            }
            if (organisation.stream().anyMatch(java.util.Objects::nonNull)) {
                series.add(new ChartData.Series(ScorecardAssembler.ORGANISATION_SERIES, organisation,
                        ChartData.Emphasis.COMPARISON));
            }
        }
        return new ChartData(format.heading(), months.stream().map(SHORT_MONTH::format).toList(), series,
                indicator.target(), targetLabel, run.control(), DefinitionBreaks.of(months, audienceOverall));
    }

    /** The audience's value per month, null where suppressed or missing. */
    private List<Double> monthlyValues() {
        List<Double> values = new ArrayList<>();
        for (LocalDate m : months) {
            ResultRow r = audienceOverall.get(m);
            values.add(reportable(r) ? r.rate() : null);
        }
        return values;
    }

    private String latestValue() {
        if (latest == null) {
            return "no data";
        }
        return reportable(latest) ? format.valueWithUnit(latest.rate()) : Counts.SUPPRESSED;
    }

    private String latestInterval() {
        return reportable(latest) ? format.interval(latest.ciLow(), latest.ciHigh()) : "–";
    }

    /**
     * A month, site or group row: population and observations, value and interval. A cell with a small count is
     * hidden whole, like a suppressed one (the summarise step never stores such a shown cell).
     */
    private TableRow tableRow(String group, String label, ResultRow r) {
        if (!reportable(r)) {
            return new TableRow(group, label, "", "", Counts.SUPPRESSED, "", "", "", true);
        }
        TargetStatus rowStatus = TargetStatus.evaluate(r.rate(), indicator.target(), indicator.improvement());
        return new TableRow(group, label, Counts.mask(r.denominator()), Counts.mask(r.numerator()),
                format.value(r.rate()), format.interval(r.ciLow(), r.ciHigh()), rowStatus.symbol(), rowStatus.name(),
                false);
    }

    /** The equity table has no interval column: the interval takes the comparison column, and no flag. */
    private static TableRow withInterval(TableRow row) {
        return row.suppressed() ? row : new TableRow(row.group(), row.label(), row.numerator(), row.denominator(),
                row.rate(), row.interval(), row.status(), row.statusCode(), false, row.interval(), "", "SIMILAR");
    }

    private static boolean reportable(ResultRow r) {
        return r != null && !r.suppressed() && r.rate() != null && !Counts.small(r.numerator())
                && !Counts.small(r.denominator());
    }
}
