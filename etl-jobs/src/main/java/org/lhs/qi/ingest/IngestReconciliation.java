package org.lhs.qi.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the reconciliation line of one source file to {@code qi.ingest_reconciliation} (and the log):
 * records read = staged + quarantined + skipped, with the count per skip reason. The database enforces the
 * equation, so a line that does not add up fails the file's transaction instead of hiding a loss.
 */
public final class IngestReconciliation {

    private static final Logger log = LoggerFactory.getLogger(IngestReconciliation.class);

    private IngestReconciliation() {}

    /** Records the result of one file in the caller's transaction. */
    public static void record(Connection con, long runId, String format, FileIngestResult r) throws SQLException {
        long id;
        try (PreparedStatement ps = con.prepareStatement("""
                INSERT INTO qi.ingest_reconciliation (run_id, extract_file_id, source_format, file_name, table_name,
                       rows_read, rows_staged, rows_quarantined, rows_skipped, unchanged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setLong(1, runId);
            if (r.extractFileId() > 0) {
                ps.setLong(2, r.extractFileId());
            } else {
                ps.setNull(2, java.sql.Types.BIGINT);
            }
            ps.setString(3, format);
            ps.setString(4, r.fileName());
            ps.setString(5, r.table());
            // an unchanged file is not read again this run
            ps.setLong(6, r.skippedUnchanged() ? 0 : r.rowsRead());
            ps.setLong(7, r.skippedUnchanged() ? 0 : r.rowsStaged());
            ps.setLong(8, r.skippedUnchanged() ? 0 : r.rowsQuarantined());
            ps.setLong(9, r.skippedUnchanged() ? 0 : r.rowsSkipped());
            ps.setBoolean(10, r.skippedUnchanged());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (!r.skipReasons().isEmpty() && !r.skippedUnchanged()) {
            try (PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO qi.ingest_reconciliation_skip (reconciliation_id, reason, rows) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Long> e : r.skipReasons().entrySet()) {
                    ps.setLong(1, id);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!r.skippedUnchanged()) {
            log.info("reconciliation {} ({} → {}): read {} = staged {} + quarantined {} + skipped {}{}", r.fileName(),
                    format, r.table(), r.rowsRead(), r.rowsStaged(), r.rowsQuarantined(), r.rowsSkipped(),
                    r.skipReasons().isEmpty() ? "" : " " + r.skipReasons());
        }
    }
}
