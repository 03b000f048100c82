package org.lhs.qi.ingest;

import java.util.List;
import java.util.Map;

/**
 * What the ingest of one extract file did.
 *
 * @param extractFileId    id in {@code qi.extract_file}
 * @param skippedUnchanged the same content was already loaded; nothing was staged this time (the
 *                         counts are those recorded when it was staged)
 * @param sampleReasons    the first (up to 5) quarantine reasons, with line numbers
 * @param rowsSkipped      well-formed records left out on purpose (e.g. a device the indicators do not track)
 * @param skipReasons      number of skipped records per reason
 */
public record FileIngestResult(String table, String fileName, long extractFileId, long rowsRead, long rowsStaged,
                               long rowsQuarantined, boolean skippedUnchanged, List<String> sampleReasons,
                               long rowsSkipped, Map<String, Long> skipReasons) {

    public FileIngestResult {
        sampleReasons = List.copyOf(sampleReasons);
        skipReasons = Map.copyOf(skipReasons);
    }

    /** A result without skipped records (the canonical layout never skips). */
    public FileIngestResult(String table, String fileName, long extractFileId, long rowsRead, long rowsStaged,
                            long rowsQuarantined, boolean skippedUnchanged, List<String> sampleReasons) {
        this(table, fileName, extractFileId, rowsRead, rowsStaged, rowsQuarantined, skippedUnchanged, sampleReasons,
                0, Map.of());
    }

    /** Share of records that were malformed (0 for an empty file). */
    public double errorRate() {
        return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
    }
}
