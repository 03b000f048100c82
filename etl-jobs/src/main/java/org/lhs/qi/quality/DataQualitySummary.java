package org.lhs.qi.quality;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the data-quality appendix: the verdict of one check for one table and site in one run, as stored
 * in {@code qi.dq_result}. Plain values for a report; {@link #offendingRows()} holds source ids with their
 * {@code file:line} in the extract, never names or clinical values.
 *
 * @param category  completeness | conformance | plausibility | freshness | volume
 * @param kind      the check kind, e.g. {@code required-share}
 * @param severity  info | warning | critical
 * @param table     the table judged ({@code *} for "every table", e.g. a volume check not applicable tonight)
 * @param siteKey   {@code ALL} or a site's source id
 * @param observed  the measured value (share 0–1, rows, days, relative change), null when there was nothing to measure
 * @param threshold the check's threshold, same unit as {@code observed}
 * @param outcome   passed | failed | not-applicable
 * @param blocking  true when this failed critical finding stopped the run
 */
public record DataQualitySummary(long runId, String checkId, String description, String category, String kind,
        String severity, String table, String siteKey, BigDecimal observed, BigDecimal threshold, String outcome,
        boolean blocking, String message, Long rowsChecked, Long rowsOffending, List<String> offendingRows) {

    public DataQualitySummary {
        offendingRows = offendingRows == null ? List.of() : List.copyOf(offendingRows);
    }

    /** True for failed outcomes of any severity. */
    public boolean failed() {
        return "failed".equals(outcome);
    }

    /** {@code observed} formatted for people: a percentage for shares and changes, else a plain number. */
    public String observedText() {
        return observed == null ? "–" : format(observed);
    }

    /** {@code threshold} formatted like {@link #observedText()}, with its direction (≥ or ≤). */
    public String thresholdText() {
        CheckKind k = CheckKind.byLabel(kind).orElse(null);
        String direction = k == null ? "" : k.direction() == CheckKind.Direction.AT_LEAST ? "≥ " : "≤ ";
        return threshold == null ? "–" : direction + format(threshold);
    }

    private String format(BigDecimal value) {
        CheckKind k = CheckKind.byLabel(kind).orElse(null);
        boolean plain = k == CheckKind.FRESHNESS || k == CheckKind.TABLE_NOT_EMPTY || k == CheckKind.EXTRACT_NOT_EMPTY;
        return plain ? Formats.number(value.doubleValue()) : Formats.percent(value.doubleValue());
    }
}
