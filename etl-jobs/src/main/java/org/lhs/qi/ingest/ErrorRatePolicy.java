package org.lhs.qi.ingest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Fails an extract when any file has a larger share of malformed rows than allowed. The message names files,
 * line numbers and columns but withholds the values (see {@link Redaction}): it reaches logs and stderr.
 */
public final class ErrorRatePolicy {

    private final double maxErrorRate;

    /** @param maxErrorRate largest acceptable share of quarantined rows per file, e.g. 0.05 */
    public ErrorRatePolicy(double maxErrorRate) {
        if (maxErrorRate < 0 || maxErrorRate > 1) {
            throw new IllegalArgumentException("maxErrorRate must be between 0 and 1, was " + maxErrorRate);
        }
        this.maxErrorRate = maxErrorRate;
    }

    /** @throws ExtractRejectedException naming every file above the threshold */
    public void check(List<FileIngestResult> results) {
        check(results, null);
    }

    /** Like {@link #check(List)}, with the run id in the message so people find the quarantined rows. */
    public void check(List<FileIngestResult> results, Long runId) {
        List<FileIngestResult> failing = results.stream()
                .filter(r -> !r.skippedUnchanged() && r.errorRate() > maxErrorRate)
                .toList();
        if (failing.isEmpty()) {
            return;
        }
        String files = failing.stream().map(r -> String.format(Locale.ROOT,
                        "%s: %d of %d rows malformed (%.2f%% > %.2f%% allowed); first reasons: %s",
                        r.fileName(), r.rowsQuarantined(), r.rowsRead(), 100 * r.errorRate(), 100 * maxErrorRate,
                        String.join(" | ", r.sampleReasons().stream().map(Redaction::withoutValues).toList())))
                .collect(Collectors.joining("\n  "));
        String where = runId != null
                ? "qi.quarantine run_id=" + runId
                : "qi.quarantine extract_file_id in (" + failing.stream()
                        .map(r -> Long.toString(r.extractFileId())).collect(Collectors.joining(", ")) + ")";
        throw new ExtractRejectedException("extract rejected, too many malformed rows:\n  " + files
                + "\nsee " + where + " for every rejected row with its line number and reason");
    }
}
