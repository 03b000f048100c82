package org.lhs.qi.report;

import java.util.List;

/**
 * The assembled scorecard, every value already formatted: the templates only place text, so all
 * business rules (formatting, suppression, status, trend) live in tested Java.
 */
public record ScorecardView(String organisationName, String audienceLabel, String businessDate, String periods,
        String latestPeriod, String generatedAt, String runLabel, List<SummaryRow> summary, List<IndicatorPage> pages,
        Appendix appendix) {

    public ScorecardView {
        summary = List.copyOf(summary);
        pages = List.copyOf(pages);
    }

    /**
     * The appendix and the cover's data-quality lines: the run's data-quality status and data freshness, every
     * data-quality verdict (failures and warnings first) and how each indicator is defined.
     */
    public record Appendix(String dqStatus, String freshness, List<DqRow> dataQuality, List<DefinitionEntry> definitions) {
        public Appendix {
            dataQuality = List.copyOf(dataQuality);
            definitions = List.copyOf(definitions);
        }
    }

    /** One data-quality verdict; {@code outcomeCode} (PASSED, WARNING, FAILED) drives the colour. */
    public record DqRow(String check, String category, String severity, String table, String site, String observed,
            String threshold, String outcome, String outcomeCode, String message) {}

    /** How one indicator is defined, every value formatted. */
    public record DefinitionEntry(String id, String title, String version, String contentHash, String scoring,
            String basis, String improvement, String target, String periods, String valueSets, String sourceFile,
            String text) {}

    /** One line of the summary table; {@code statusCode}/{@code trendCode} drive the colours. */
    public record SummaryRow(String domain, String title, String latestRate, String interval, String target,
            String status, String statusCode, String direction, String trend, String trendCode, String spc,
            String spcCode, SparklineData sparkline) {}

    /**
     * One page per indicator; {@code funnel} is null when fewer than 2 sites are reportable (and for medians).
     * {@code chartTitle}, {@code chartNote} (may be null), {@code rateHeading} and {@code comparisonHeading} name
     * what the chart and the tables show; {@code siteChart} is the site comparison of a continuous-variable
     * indicator (medians with intervals), {@code groupChart} the same for its patient groups; null otherwise.
     */
    public record IndicatorPage(String id, String title, String domain, String definition, String latestPeriod,
            String latestRate, String interval, String target, String status, String statusCode, String direction,
            String trend, String trendCode, String spc, String spcCode, ChartData chart, String numeratorHeading, String denominatorHeading,
            String monthsTitle, List<TableRow> months, String equityTitle, List<TableRow> equity,
            ForestData forest, String equityNote,
            String sitesTitle, List<TableRow> sites, FunnelData funnel,
            String chartTitle, String chartNote, String rateHeading, String comparisonHeading, String siteChartTitle,
            SiteIntervalData siteChart, SiteIntervalData groupChart) {

        /** Title of the chart of a proportion or ratio. */
        public static final String CONTROL_CHART = "12-month control chart";

        public IndicatorPage {
            months = List.copyOf(months);
            equity = List.copyOf(equity);
            sites = List.copyOf(sites);
        }

        /** The page of a proportion or ratio: a control chart, rates, and ratios to the reference group. */
        public IndicatorPage(String id, String title, String domain, String definition, String latestPeriod,
                String latestRate, String interval, String target, String status, String statusCode, String direction,
                String trend, String trendCode, String spc, String spcCode, ChartData chart, String numeratorHeading,
                String denominatorHeading, String monthsTitle, List<TableRow> months, String equityTitle,
                List<TableRow> equity, ForestData forest, String equityNote, String sitesTitle, List<TableRow> sites,
                FunnelData funnel) {
            this(id, title, domain, definition, latestPeriod, latestRate, interval, target, status, statusCode,
                    direction, trend, trendCode, spc, spcCode, chart, numeratorHeading, denominatorHeading, monthsTitle,
                    months, equityTitle, equity, forest, equityNote, sitesTitle, sites, funnel, CONTROL_CHART, null,
                    "Rate", "Ratio to ref. (95% CI)", null, null, null);
        }
    }

    /**
     * A row of the monthly, equity or site table. When {@code suppressed}, the counts are blank and
     * {@code rate} carries the suppression label; {@code status} is the target status as one glyph (✓/✗). Equity rows
 * carry the rate ratio to the reference group ({@code comparison}) and the disparity flag.
     */
    public record TableRow(String group, String label, String numerator, String denominator, String rate,
            String interval, String status, String statusCode, boolean suppressed, String comparison, String flag,
            String flagCode) {

        /** A row without a comparison with a reference group. */
        public TableRow(String group, String label, String numerator, String denominator, String rate,
                String interval, String status, String statusCode, boolean suppressed) {
            this(group, label, numerator, denominator, rate, interval, status, statusCode, suppressed, "", "", "SIMILAR");
        }

        /** This row with an equity comparison. */
        public TableRow withComparison(EquityComparison.Result c) {
            return c == null ? this : new TableRow(group, label, numerator, denominator, rate, interval, status,
                    statusCode, suppressed, c.ratioText(), c.flag(), c.comparison().name());
        }
    }
}
