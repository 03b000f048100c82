package org.lhs.qi.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes {@code qi.extract_file}, the record of every extract file staged or loaded. */
final class ExtractFileRegistry {

    /** A known file of the same table and content. */
    record Known(long id, String status, long rowsRead, long rowsStaged, long rowsQuarantined) {}

    private ExtractFileRegistry() {}

    /** The file with this content, locked so two attempts cannot stage it at once. */
    static Optional<Known> find(Connection con, String table, String checksum) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("""
                SELECT id, status, rows_read, rows_staged, rows_quarantined FROM qi.extract_file
                WHERE table_name = ? AND checksum = ? FOR UPDATE""")) {
            ps.setString(1, table);
            ps.setString(2, checksum);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Known(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                        : Optional.empty();
            }
        }
    }

    static long insert(Connection con, String table, String fileName, String checksum, long size, long runId)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("""
                INSERT INTO qi.extract_file (table_name, file_name, checksum, size_bytes, status, run_id)
                VALUES (?, ?, ?, ?, 'staged', ?) RETURNING id""")) {
            ps.setString(1, table);
            ps.setString(2, fileName);
            ps.setString(3, checksum);
            ps.setLong(4, size);
            ps.setLong(5, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Forgets what an earlier, unfinished attempt staged and quarantined for this file. */
    static void resetForRestage(Connection con, TableSpec spec, long id, String fileName, long runId) throws SQLException {
        // the staging table name comes from the fixed spec list, never from input
        update(con, "DELETE FROM " + spec.stagingTable() + " WHERE extract_file_id = ?", id);
        update(con, "DELETE FROM staging.deletion WHERE extract_file_id = ?", id);
        update(con, "DELETE FROM qi.quarantine WHERE extract_file_id = ?", id);
        update(con, "DELETE FROM qi.ingest_reconciliation WHERE extract_file_id = ?", id);
        try (PreparedStatement ps = con.prepareStatement("""
                UPDATE qi.extract_file SET file_name = ?, run_id = ?, rows_read = 0, rows_staged = 0,
                       rows_quarantined = 0, rows_loaded = 0, staged_at = now()
                WHERE id = ?""")) {
            ps.setString(1, fileName);
            ps.setLong(2, runId);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static void recordCounts(Connection con, long id, long read, long staged, long quarantined) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "UPDATE qi.extract_file SET rows_read = ?, rows_staged = ?, rows_quarantined = ? WHERE id = ?")) {
            ps.setLong(1, read);
            ps.setLong(2, staged);
            ps.setLong(3, quarantined);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    private static void update(Connection con, String sql, long id) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
