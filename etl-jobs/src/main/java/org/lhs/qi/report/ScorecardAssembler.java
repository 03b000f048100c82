package org.lhs.qi.report;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lhs.qi.report.ScorecardView.IndicatorPage;
import org.lhs.qi.report.ScorecardView.SummaryRow;
import org.lhs.qi.report.ScorecardView.TableRow;

/** Builds the {@link ScorecardView} of one audience from the rows read for a business date. */
public final class ScorecardAssembler {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Name of the organisation's line on a site's chart. */
    static final String ORGANISATION_SERIES = "Organisation (all sites)";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    /** Assembles the scorecard; fails when there is nothing to show for the audience. */
    public ScorecardView assemble(ScorecardInputs in, ScorecardRequest request, ZonedDateTime generatedAt) {
        return assemble(in, List.of(), request, generatedAt);
    }

    /**
     * Assembles the scorecard with the pages of the continuous-variable indicators ({@link ContinuousPageAssembler})
     * among the others, by domain and title; fails when there is nothing to show for the audience.
     */
    public ScorecardView assemble(ScorecardInputs in, List<ContinuousIndicator> continuous, ScorecardRequest request,
            ZonedDateTime generatedAt) {
        String audience = request.audience();
        List<ResultRow> results = in.results();
        if (results.isEmpty()) {
            throw new IllegalStateException("no indicator results for business date " + in.businessDate());
        }
        String audienceName = results.stream().filter(r -> r.siteKey().equals(audience)).map(ResultRow::siteName)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no indicator results for audience '" + audience + "' on " + in.businessDate()));
        List<LocalDate> months = results.stream().map(ResultRow::periodStart).distinct().sorted().toList();
        LocalDate latest = months.getLast();

        Map<String, List<ResultRow>> byIndicator = results.stream()
                .collect(Collectors.groupingBy(ResultRow::indicatorId));
        Map<String, List<ResultRow>> yearByIndicator = in.yearResults().stream()
                .collect(Collectors.groupingBy(ResultRow::indicatorId));
        List<IndicatorInfo> indicators = in.indicators().stream()
                .filter(i -> byIndicator.containsKey(i.id()))
                .sorted(Comparator.comparing(IndicatorInfo::domain).thenComparing(IndicatorInfo::title))
                .toList();

        List<IndicatorContext> contexts = indicators.stream().map(indicator -> new IndicatorContext(indicator,
                byIndicator.get(indicator.id()), yearByIndicator.getOrDefault(indicator.id(), List.of()), audience,
                months)).toList();
        // one family for the whole scorecard: the committee reads all its equity flags together
        Map<String, EquityComparison.Family> equity = EquityComparison.compareScorecard(contexts.stream().collect(
                Collectors.toMap(c -> c.indicator.id(), IndicatorContext::equityPage, (a, b) -> a,
                        java.util.LinkedHashMap::new)));
        List<SummaryRow> summary = new ArrayList<>();
        List<IndicatorPage> pages = new ArrayList<>();
        for (IndicatorContext ctx : contexts) {
            summary.add(ctx.summaryRow());
            pages.add(ctx.page(request.organisationWide(), equity.get(ctx.indicator.id())));
        }
        for (ContinuousIndicator indicator : continuous) {
            if (byIndicator.containsKey(indicator.id())) {
                var cv = new ContinuousPageAssembler(indicator, byIndicator.get(indicator.id()),
                        yearByIndicator.getOrDefault(indicator.id(), List.of()), audience, months)
                        .assemble(request.organisationWide());
                summary.add(cv.summary());
                pages.add(cv.page());
            }
        }
        // the same order as the indicators above (domain, then title), now with the continuous ones among them
        summary.sort(Comparator.comparing((SummaryRow r) -> Domain.of(r.domain())).thenComparing(SummaryRow::title));
        pages.sort(Comparator.comparing((IndicatorPage p) -> Domain.of(p.domain())).thenComparing(IndicatorPage::title));
        String audienceLabel = request.organisationWide() ? "All sites" : audienceName;
        // the report is rendered while its run is still going, so the run's status would always read "started"
        String runLabel = in.run().map(r -> "Run " + r.runId()).orElse("Run: not recorded");
        return new ScorecardView(request.organisationName(), audienceLabel, DAY.format(in.businessDate()),
                MONTH.format(months.getFirst()) + " – " + MONTH.format(latest), MONTH.format(latest),
                STAMP.format(generatedAt.withZoneSameInstant(java.time.ZoneOffset.UTC)), runLabel, summary, pages,
                AppendixAssembler.assemble(in.businessDate(), audience, in.dataQuality(), in.definitions(), months));
    }

    /** The rows of one indicator and what is derived from them for the audience. */
    private static final class IndicatorContext {
        private final IndicatorInfo indicator;
        private final RateFormat format;
        private final List<ResultRow> rows;
        private final List<ResultRow> yearRows;
        private final String audience;
        private final List<LocalDate> months;
        private final LocalDate latestMonth;
        private final Map<LocalDate, ResultRow> audienceOverall;
        private final ResultRow latest;
        private final TargetStatus status;
        private final Trend trend;
        private final SpcStatus spc;

        IndicatorContext(IndicatorInfo indicator, List<ResultRow> rows, List<ResultRow> yearRows, String audience,
                List<LocalDate> months) {
            this.indicator = indicator;
            this.format = RateFormat.of(indicator);
            this.rows = rows;
            this.yearRows = yearRows;
            this.audience = audience;
            this.months = months;
            this.latestMonth = months.getLast();
            this.audienceOverall = overallBySite(audience);
            this.latest = audienceOverall.get(latestMonth);
            this.status = TargetStatus.evaluate(latest == null ? null : latest.rate(), indicator.target(),
                    indicator.improvement());
            this.trend = Trend.of(List.copyOf(audienceOverall.values()), indicator.scoring(), indicator.improvement());
            this.spc = SpcStatus.of(List.copyOf(audienceOverall.values()), indicator.improvement());
        }

        private Map<LocalDate, ResultRow> overallBySite(String siteKey) {
            return rows.stream().filter(r -> r.overall() && r.siteKey().equals(siteKey))
                    .collect(Collectors.toMap(ResultRow::periodStart, Function.identity(), (a, b) -> a, TreeMap::new));
        }

        String latestRate() {
            if (latest == null) {
                return "no data";
            }
            return latest.suppressed() ? Counts.SUPPRESSED : format.rateWithUnit(latest.rate());
        }

        String latestInterval() {
            return latest == null || latest.suppressed() ? "–" : format.interval(latest.ciLow(), latest.ciHigh());
        }

        SummaryRow summaryRow() {
            return new SummaryRow(indicator.domain().label(), indicator.title(), latestRate(), latestInterval(),
                    format.target(indicator.target(), indicator.improvement()), status.label(), status.name(),
                    indicator.improvement().label(), trend.label(), trend.direction().name(), spc.label(),
                    spc.code().name(), SparklineData.of(chart()));
        }

        /** The rows equity and site comparisons use: the twelve-month period when computed (monthly cells are small). */
        private List<ResultRow> comparisonRows() {
            return !yearRows.isEmpty() ? yearRows
                    : rows.stream().filter(r -> r.periodStart().equals(latestMonth)).toList();
        }

        private List<ResultRow> strata() {
            return comparisonRows().stream()
                    .filter(r -> r.siteKey().equals(audience) && Strata.shown(r.stratifier())).toList();
        }

        /** This indicator's strata by stratifier, for the scorecard-wide comparison. */
        EquityComparison.Page equityPage() {
            return new EquityComparison.Page(strata().stream()
                    .collect(Collectors.groupingBy(ResultRow::stratifier, TreeMap::new, Collectors.toList())),
                    indicator.scoring(), indicator.improvement());
        }

        IndicatorPage page(boolean organisationWide, EquityComparison.Family family) {
            List<TableRow> monthRows = months.stream().map(m -> {
                ResultRow r = audienceOverall.get(m);
                String label = MONTH.format(m);
                return r == null ? new TableRow(null, label, "–", "–", "no data", "", "", "", false) : tableRow(null, label, r);
            }).toList();
            boolean year = !yearRows.isEmpty();
            List<ResultRow> comparison = comparisonRows();
            String comparisonLabel = year
                    ? "last 12 months (" + MONTH.format(months.getFirst()) + " – " + MONTH.format(latestMonth) + ")"
                    : MONTH.format(latestMonth);
            List<ResultRow> strata = strata();
            List<ResultRow> ordered = strata.stream()
                    .sorted(Comparator.comparingInt((ResultRow r) -> Strata.stratifierRank(r.stratifier()))
                            .thenComparingInt(r -> Strata.stratumRank(r.stratifier(), r.stratum()))
                            .thenComparing(ResultRow::stratum))
                    .toList();
            List<TableRow> equity = ordered.stream()
                    .map(r -> tableRow(Strata.stratifierLabel(r.stratifier()), Strata.stratumLabel(r.stratum()), r)
                            .withComparison(r.suppressed() ? null : family.of(r.stratifier()).get(r.stratum())))
                    .toList();
            ForestData forest = EquityForest.of(ordered, family, format.measureName());
            List<TableRow> sites = organisationWide
                    ? comparison.stream()
                            .filter(r -> r.overall() && !r.siteKey().equals(ScorecardRequest.ALL))
                            .sorted(Comparator.comparing(ResultRow::siteKey))
                            .map(r -> tableRow(null, r.siteName(), r))
                            .toList()
                    : siteAndOrganisation(comparison);
            String latestLabel = MONTH.format(latestMonth);
            return new IndicatorPage(indicator.id(), indicator.title(), indicator.domain().label(),
                    indicator.plainDefinition(), latestLabel, latestRate(), latestInterval(),
                    format.target(indicator.target(), indicator.improvement()), status.label(), status.name(),
                    indicator.improvement().label(), trend.label(), trend.direction().name(), spc.label(),
                    spc.code().name(), chart(), format.numeratorHeading(), format.denominatorHeading(),
                    "Monthly results" + unitNote(), monthRows,
                    "Equity by patient group, " + comparisonLabel + unitNote(), equity, forest,
                    EquityForest.note(family),
                    (organisationWide ? "Sites, " : "This site and the organisation, ") + comparisonLabel + unitNote(),
                    sites, year ? funnel(comparison) : null);
        }

        /** A site report's comparison rows: the site's own overall row, then the organisation's. */
        private List<TableRow> siteAndOrganisation(List<ResultRow> comparison) {
            List<TableRow> out = new ArrayList<>();
            comparison.stream().filter(r -> r.overall() && r.siteKey().equals(audience)).findFirst()
                    .ifPresent(r -> out.add(tableRow(null, r.siteName() + " (this site)", r)));
            comparison.stream().filter(r -> r.overall() && r.siteKey().equals(ScorecardRequest.ALL)).findFirst()
                    .ifPresent(r -> out.add(tableRow(null, "Organisation (all sites)", r)));
            return out;
        }

        /**
         * Funnel of the sites' 12-month rates around the organisation rate with exact 95% and 99.8% limits;
         * suppressed sites are left out. Null when fewer than 2 sites can be shown.
         */
        private FunnelData funnel(List<ResultRow> year) {
            Scoring scoring = indicator.scoring();
            ResultRow organisation = year.stream()
                    .filter(r -> r.overall() && r.siteKey().equals(ScorecardRequest.ALL) && !r.suppressed()
                            && r.rate() != null)
                    .findFirst().orElse(null);
            List<ResultRow> sites = year.stream()
                    .filter(r -> r.overall() && !r.siteKey().equals(ScorecardRequest.ALL) && !r.suppressed()
                            && r.rate() != null && r.rateBase(scoring) > 0)
                    .sorted(Comparator.comparing(ResultRow::siteKey)).toList();
            if (organisation == null || sites.size() < 2) {
                return null;
            }
            double multiplier = indicator.multiplier() == null ? 1000 : indicator.multiplier();
            double target = organisation.rate();
            double min = sites.stream().mapToDouble(r -> r.rateBase(scoring)).min().orElseThrow();
            double max = sites.stream().mapToDouble(r -> r.rateBase(scoring)).max().orElseThrow();
            double from = Math.max(1, 0.5 * min);
            double to = 1.15 * max;
            List<Double> sizes = new ArrayList<>();
            List<Double> l95 = new ArrayList<>();
            List<Double> u95 = new ArrayList<>();
            List<Double> l998 = new ArrayList<>();
            List<Double> u998 = new ArrayList<>();
            int steps = 60;
            for (int i = 0; i <= steps; i++) {
                double n = from + (to - from) * i / steps;
                org.lhs.qi.stats.funnel.FunnelLimits limits = scoring == Scoring.RATIO
                        ? org.lhs.qi.stats.funnel.FunnelLimits.forRate(target, n, multiplier)
                        : org.lhs.qi.stats.funnel.FunnelLimits.forProportion(target, Math.round(n));
                sizes.add(n);
                l95.add(format.chartValue(limits.lower95()));
                u95.add(format.chartValue(limits.upper95()));
                l998.add(format.chartValue(limits.lower998()));
                u998.add(format.chartValue(limits.upper998()));
            }
            List<FunnelData.Site> points = sites.stream().map(r -> {
                double n = r.rateBase(scoring);
                org.lhs.qi.stats.funnel.FunnelLimits limits = scoring == Scoring.RATIO
                        ? org.lhs.qi.stats.funnel.FunnelLimits.forRate(target, n, multiplier)
                        : org.lhs.qi.stats.funnel.FunnelLimits.forProportion(target, Math.round(n));
                boolean outside = limits.at998(r.rate()) != org.lhs.qi.stats.funnel.Position.INSIDE;
                boolean own = r.siteKey().equals(audience);
                return new FunnelData.Site(own ? r.siteName() + " (this site)" : r.siteName(), n,
                        format.chartValue(r.rate()), outside, own);
            }).toList();
            // "Denominator": encounter-based proportions count discharges or visits, not patients
            return new FunnelData(format.denominatorHeading(),
                    format.axisLabel(), format.chartValue(target), sizes, l95, u95, l998, u998, points);
        }

        private String unitNote() {
            return indicator.scoring() == Scoring.RATIO ? " (rate " + format.unit() + ")" : "";
        }

        private TableRow tableRow(String group, String label, ResultRow r) {
            // a shown row with a small count cannot come from the summarise step; if one ever does, hide it whole:
            // printing "<11" beside the rate would still give the count away (rate × denominator)
            if (r.suppressed() || Counts.small(r.numerator()) || Counts.small(r.denominator())) {
                return new TableRow(group, label, "", "", Counts.SUPPRESSED, "", "", "", true);
            }
            String denominator = indicator.scoring() == Scoring.RATIO ? Counts.mask(r.exposure()) : Counts.mask(r.denominator());
            TargetStatus rowStatus = TargetStatus.evaluate(r.rate(), indicator.target(), indicator.improvement());
            return new TableRow(group, label, Counts.mask(r.numerator()), denominator,
                    format.rate(r.rate()) + (r.unstable() ? Counts.UNSTABLE : ""),
                    format.interval(r.ciLow(), r.ciHigh()), rowStatus.symbol(), rowStatus.name(), false);
        }

        /** The audience's control chart: its own rates, centre line, limits and special-cause marks. */
        ChartData chart() {
            String primaryName = audience.equals(ScorecardRequest.ALL) ? "Organisation" : rows.stream()
                    .filter(r -> r.siteKey().equals(audience)).map(ResultRow::siteName).findFirst().orElse(audience);
            List<ChartData.Series> series = new ArrayList<>(List.of(series(primaryName, audienceOverall,
                    ChartData.Emphasis.PRIMARY)));
            Map<LocalDate, ResultRow> organisation = overallBySite(ScorecardRequest.ALL);
            if (!audience.equals(ScorecardRequest.ALL) && !organisation.isEmpty()) {
                // a site reads its line against the organisation's (drawn quieter, dashed)
                series.add(series(ORGANISATION_SERIES, organisation, ChartData.Emphasis.COMPARISON));
            }
            Double target = format.chartValue(indicator.target());
            String targetLabel = indicator.target() == null ? null
                    : "Target " + format.target(indicator.target(), indicator.improvement());
            return new ChartData(format.axisLabel(), months.stream().map(SHORT_MONTH::format).toList(), series, target,
                    targetLabel, control(), DefinitionBreaks.of(months, audienceOverall));
        }

        /** Centre, limits and marks of the stored chart; null when no month has one. */
        private ChartData.Control control() {
            List<Double> centre = new ArrayList<>();
            List<Double> lower = new ArrayList<>();
            List<Double> upper = new ArrayList<>();
            List<ChartData.Mark> marks = new ArrayList<>();
            for (LocalDate m : months) {
                ResultRow r = audienceOverall.get(m);
                boolean charted = r != null && !r.suppressed() && r.spcCentre() != null;
                centre.add(charted ? format.chartValue(r.spcCentre()) : null);
                lower.add(charted ? format.chartValue(r.spcLower()) : null);
                upper.add(charted ? format.chartValue(r.spcUpper()) : null);
                marks.add(charted && r.spcSignals() != null ? mark(r.spcSide()) : null);
            }
            if (centre.stream().allMatch(Objects::isNull)) {
                return null;
            }
            return new ChartData.Control(centre, lower, upper, marks);
        }

        private ChartData.Mark mark(String side) {
            if (side == null) {
                return ChartData.Mark.UNDIRECTED;
            }
            boolean better = "up".equals(side) ? indicator.improvement().better(0, 1) : indicator.improvement().better(1, 0);
            return better ? ChartData.Mark.BETTER : ChartData.Mark.WORSE;
        }

        private ChartData.Series series(String name, Map<LocalDate, ResultRow> byMonth, ChartData.Emphasis emphasis) {
            List<Double> values = new ArrayList<>();
            for (LocalDate m : months) {
                ResultRow r = byMonth.get(m);
                values.add(r == null || r.suppressed() ? null : format.chartValue(r.rate()));
            }
            return new ChartData.Series(Objects.requireNonNullElse(name, "?"), values, emphasis);
        }
    }
}
