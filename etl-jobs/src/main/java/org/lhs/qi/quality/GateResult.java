package org.lhs.qi.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Every outcome of a gate run; the run may go on only when no critical check failed. */
public record GateResult(long runId, LocalDate businessDate, List<CheckOutcome> outcomes) {

    static final int MAX_LISTED = 10;
    static final int MAX_ROWS = 5;

    public GateResult {
        outcomes = List.copyOf(outcomes);
    }

    /** A result without a business date (messages then leave it out). */
    public GateResult(long runId, List<CheckOutcome> outcomes) {
        this(runId, null, outcomes);
    }

    /** The outcomes that stop the run. */
    public List<CheckOutcome> blocking() {
        return outcomes.stream().filter(CheckOutcome::blocksRun).toList();
    }

    public boolean criticalFailed() {
        return outcomes.stream().anyMatch(CheckOutcome::blocksRun);
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.passed()).count();
    }

    /**
     * One block: a headline, one entry per failed critical check × table × site (check id, kind, table, site,
     * observed vs threshold, the finding, the first offending rows as {@code source id (file:line)}), and how to
     * proceed. Source ids, file names, line numbers and counts only — never values or names.
     */
    public String failureMessage() {
        List<CheckOutcome> blocking = blocking();
        String entries = blocking.stream().limit(MAX_LISTED).map(GateResult::entry).collect(Collectors.joining("\n"));
        String more = blocking.size() > MAX_LISTED ? "\n  … and " + (blocking.size() - MAX_LISTED)
                + " more (all findings: qi.dq_result, run " + runId + ")" : "";
        String checks = blocking.stream().map(o -> o.check().id()).distinct().collect(Collectors.joining(", "));
        String date = businessDate == null ? "" : " for " + businessDate;
        String rerun = businessDate == null ? "qi run --date <business date>" : "qi run --date " + businessDate;
        return "data-quality gate failed" + date + ": " + blocking.size() + " critical finding(s) in check(s) " + checks
                + "; nothing was computed or published (run " + runId + ", all findings in qi.dq_result)\n" + entries
                + more + "\nHow to proceed: fix the extract and run `" + rerun + "` again (it restarts the failed run"
                + " with the corrected files). If the change is real (e.g. a site closed), acknowledge it in the check"
                + " file named above: raise the threshold or set severity to warning; the next run then compares"
                + " with tonight's extract.";
    }

    static String entry(CheckOutcome o) {
        CheckDefinition c = o.check();
        String comparison = c.kind().direction() == CheckKind.Direction.AT_LEAST ? "≥" : "≤";
        String observed = o.observed() == null ? "none" : format(c, o.observed());
        String rows = o.offendingRows().isEmpty() ? "" : "\n      first offending rows: "
                + String.join(", ", o.offendingRows().subList(0, Math.min(MAX_ROWS, o.offendingRows().size())))
                + (o.rowsOffending() != null && o.rowsOffending() > MAX_ROWS ? " (of " + o.rowsOffending() + ")" : "");
        return "  - check " + c.id() + " (" + c.kind().label() + ", " + c.location() + ") table " + o.tableName()
                + ", site " + o.siteKey() + ": observed " + observed + ", threshold " + comparison + " "
                + format(c, c.threshold()) + "\n      " + o.message() + rows;
    }

    /** Shares as percentages, counts and days as numbers. */
    static String format(CheckDefinition c, double value) {
        return switch (c.kind()) {
            case FRESHNESS, TABLE_NOT_EMPTY, EXTRACT_NOT_EMPTY -> Formats.number(value);
            default -> Formats.percent(value);
        };
    }
}
