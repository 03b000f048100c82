package org.lhs.qi.quality;

import java.util.List;
import java.util.stream.Collectors;

/** Every outcome of a gate run; the run may go on only when no critical check failed. */
public record GateResult(long runId, List<CheckOutcome> outcomes) {

    static final int MAX_LISTED = 10;

    public GateResult {
        outcomes = List.copyOf(outcomes);
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

    /** One line per failed critical check and site: check, kind, table, site, finding, first offending source ids. */
    public String failureMessage() {
        List<CheckOutcome> blocking = blocking();
        String lines = blocking.stream().limit(MAX_LISTED).map(GateResult::line).collect(Collectors.joining("\n"));
        String more = blocking.size() > MAX_LISTED ? "\n  … and " + (blocking.size() - MAX_LISTED) + " more" : "";
        return "data-quality gate failed: " + blocking.size() + " critical finding(s), nothing was computed or published"
                + " (run " + runId + "; all findings in qi.dq_result):\n" + lines + more;
    }

    static String line(CheckOutcome o) {
        String sample = o.sampleSourceIds().isEmpty() ? ""
                : "; first offending source ids: " + String.join(", ", o.sampleSourceIds());
        return "  - check " + o.check().id() + " (" + o.check().kind().label() + ") table " + o.tableName() + ", site "
                + o.siteKey() + ": " + o.message() + sample;
    }
}
