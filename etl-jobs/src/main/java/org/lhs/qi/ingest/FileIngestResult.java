package org.lhs.qi.ingest;

import java.util.List;

/**
 * What the ingest of one extract file did.
 *
 * @param extractFileId    id in {@code qi.extract_file}
 * @param skippedUnchanged the same content was already loaded; nothing was staged this time (the
 *                         counts are those recorded when it was staged)
 * @param sampleReasons    the first (up to 5) quarantine reasons, with line numbers
 */
public record FileIngestResult(String table, String fileName, long extractFileId, long rowsRead, long rowsStaged,
                               long rowsQuarantined, boolean skippedUnchanged, List<String> sampleReasons) {

    public FileIngestResult {
        sampleReasons = List.copyOf(sampleReasons);
    }

    /** Share of records that were malformed (0 for an empty file). */
    public double errorRate() {
        return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
    }
}
