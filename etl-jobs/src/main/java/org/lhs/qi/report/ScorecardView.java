package org.lhs.qi.report;

import java.util.List;

/**
 * The assembled scorecard, every value already formatted: the templates only place text, so all
 * business rules (formatting, suppression, status, trend) live in tested Java.
 */
public record ScorecardView(String organisationName, String audienceLabel, String businessDate, String periods,
        String latestPeriod, String generatedAt, String runLabel, List<SummaryRow> summary, List<IndicatorPage> pages) {

    public ScorecardView {
        summary = List.copyOf(summary);
        pages = List.copyOf(pages);
    }

    /** One line of the summary table; {@code statusCode}/{@code trendCode} drive the colours. */
    public record SummaryRow(String domain, String title, String latestRate, String interval, String target,
            String status, String statusCode, String direction, String trend, String trendCode, String spc,
            String spcCode) {}

    /** One page per indicator; {@code funnel} is null on site reports and when fewer than 2 sites are reportable. */
    public record IndicatorPage(String id, String title, String domain, String definition, String latestPeriod,
            String latestRate, String interval, String target, String status, String statusCode, String direction,
            String trend, String trendCode, String spc, String spcCode, ChartData chart, String numeratorHeading, String denominatorHeading,
            String monthsTitle, List<TableRow> months, String equityTitle, List<TableRow> equity,
            String sitesTitle, List<TableRow> sites, FunnelData funnel) {

        public IndicatorPage {
            months = List.copyOf(months);
            equity = List.copyOf(equity);
            sites = List.copyOf(sites);
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
