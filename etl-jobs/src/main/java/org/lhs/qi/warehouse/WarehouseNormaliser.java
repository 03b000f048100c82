package org.lhs.qi.warehouse;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.lhs.qi.db.JdbcWork;
import org.lhs.qi.ingest.CanonicalTables;
import org.lhs.qi.ingest.TableSpec;
import org.lhs.qi.ingest.fhir.FhirTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves staged rows into the canonical warehouse ({@code ehr.*}), table by table in dependency order,
 * keyed by (source_system, source_id): new rows are inserted, changed rows updated in place, identical
 * rows left untouched (reloading the same data changes nothing). Rows whose patient/encounter/site
 * cannot be resolved go to {@code qi.quarantine}. Each table is one transaction (the caller's, if any):
 * a crash leaves it either fully loaded or still staged, and a rerun picks it up.
 */
public final class WarehouseNormaliser {

    private static final Logger log = LoggerFactory.getLogger(WarehouseNormaliser.class);

    private final DataSource dataSource;
    private final Map<String, TableNormalisation> tables = new LinkedHashMap<>();

    public WarehouseNormaliser(DataSource dataSource) {
        this.dataSource = dataSource;
        for (TableSpec spec : CanonicalTables.ALL) {
            tables.put(spec.table(), new TableNormalisation(spec));
        }
        for (TableSpec spec : FhirTables.ALL) {
            tables.put(spec.table(), new TableNormalisation(spec));
        }
    }

    /** Work-list item of the deletion pass, which runs after every table's upsert. */
    public static final String DELETIONS = "deletions";

    /** Tables in the order {@link #normalise} loads them. */
    public static List<String> tables() {
        List<String> names = new ArrayList<>(CanonicalTables.tableNames());
        FhirTables.ALL.forEach(t -> names.add(t.table()));
        return List.copyOf(names);
    }

    /** Every table in dependency order, each in its own transaction (unless the caller has one). */
    public List<TableLoadResult> normalise(long runId) {
        List<TableLoadResult> results = new ArrayList<>();
        for (String table : tables.keySet()) {
            results.add(normaliseTable(table, runId));
        }
        applyDeletions(runId);
        return results;
    }

    /** One table: everything its staged files hold, in one transaction. */
    public TableLoadResult normaliseTable(String table, long runId) {
        TableNormalisation t = tables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("unknown warehouse table '" + table + "', expected one of " + tables.keySet());
        }
        return JdbcWork.inTransaction(dataSource, con -> load(con, t, runId, false));
    }

    /**
     * Every table, but only the files one run staged, in the caller's transaction: an isolated small load such as one
     * official test case ({@code qi verify}). Skips the bulk-load path and ANALYZE, which only pay off for big loads.
     */
    public List<TableLoadResult> normaliseRun(long runId) {
        return JdbcWork.inTransaction(dataSource, con -> {
            java.util.Set<String> staged = new java.util.HashSet<>();
            try (PreparedStatement ps = con.prepareStatement(
                    "SELECT DISTINCT table_name FROM qi.extract_file WHERE run_id = ? AND status = 'staged'")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        staged.add(rs.getString(1));
                    }
                }
            }
            List<TableLoadResult> results = new ArrayList<>();
            for (TableNormalisation t : tables.values()) {
                // a test case feeds a few tables: one query instead of a locking one per table
                results.add(staged.contains(t.table()) ? load(con, t, runId, true)
                        : new TableLoadResult(t.table(), 0, 0, 0, 0, 0));
            }
            return results;
        });
    }

    /**
     * Applies the deletion rows of loaded incremental files, children before parents, in one transaction (the
     * caller's, if any). Deleting an absent row does nothing, so a restart can apply them again; deleting a
     * row that others still reference is refused and the deletion row quarantined.
     *
     * @return rows deleted
     */
    public long applyDeletions(long runId) {
        List<String> order = new ArrayList<>(tables.keySet());
        java.util.Collections.reverse(order);
        return JdbcWork.inTransaction(dataSource, con -> {
            long deleted = 0;
            long refused = 0;
            for (String table : order) {
                DeletionPass pass = new DeletionPass(table, tables);
                try (PreparedStatement ps = con.prepareStatement(pass.quarantineReferencedSql())) {
                    ps.setLong(1, runId);
                    ps.setString(2, table);
                    ps.setString(3, table);
                    refused += ps.executeUpdate();
                }
                try (PreparedStatement ps = con.prepareStatement(pass.deleteSql())) {
                    ps.setString(1, table);
                    deleted += ps.executeUpdate();
                }
                try (PreparedStatement ps = con.prepareStatement(pass.clearSql())) {
                    ps.setString(1, table);
                    ps.executeUpdate();
                }
            }
            if (deleted > 0 || refused > 0) {
                log.info("deletions: {} rows deleted, {} deletions refused (still referenced; see qi.quarantine)",
                        deleted, refused);
            }
            return deleted;
        });
    }

    /** Refreshes planner statistics of the warehouse tables after a load. */
    public void analyze() {
        JdbcWork.inTransaction(dataSource, con -> {
            try (Statement st = con.createStatement()) {
                for (String table : tables.keySet()) {
                    st.execute("ANALYZE ehr." + table);
                }
            }
            return null;
        });
    }

    private TableLoadResult load(Connection con, TableNormalisation t, long runId, boolean oneRun) throws SQLException {
        long started = System.nanoTime();
        List<Long> fileIds = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement("SELECT id FROM qi.extract_file WHERE table_name = ?"
                + " AND status = 'staged'" + (oneRun ? " AND run_id = ?" : "") + " ORDER BY id FOR UPDATE")) {
            ps.setString(1, t.table());
            if (oneRun) {
                ps.setLong(2, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fileIds.add(rs.getLong(1));
                }
            }
        }
        if (fileIds.isEmpty()) {
            if (!oneRun) {
                log.info("{}: nothing staged", t.table());
            }
            return new TableLoadResult(t.table(), 0, 0, 0, 0, 0);
        }
        try (Statement st = con.createStatement()) {
            if (!oneRun) {
                // staging was just filled by COPY and has no statistics: without them the planner guesses ~300 rows
                st.execute("ANALYZE staging." + t.table());
            }
            st.execute("DROP TABLE IF EXISTS pg_temp." + TableNormalisation.WORK_TABLE);
        }
        try (PreparedStatement ps = con.prepareStatement(t.createWorkTableSql(oneRun))) {
            if (oneRun) {
                ps.setLong(1, runId);
            }
            ps.execute();
        }
        long resolved;
        long unresolved;
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(t.resolvedCountSql())) {
            rs.next();
            resolved = rs.getLong(1);
            unresolved = rs.getLong(2);
        }
        if (unresolved > 0) {
            try (PreparedStatement ps = con.prepareStatement(t.quarantineSql())) {
                ps.setLong(1, runId);
                ps.setString(2, t.table());
                ps.executeUpdate();
            }
        }
        long inserted;
        long updated;
        boolean bulk = !oneRun && BulkLoad.applies(con, t.table());
        if (bulk) {
            BulkLoad load = BulkLoad.of(con, t.table());
            load.dropIndexesAndConstraints(con);
            try (Statement st = con.createStatement()) {
                inserted = st.executeUpdate(t.bulkInsertSql());
            }
            updated = 0;
            load.restoreIndexesAndConstraints(con);
        } else {
            try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(t.upsertSql())) {
                rs.next();
                inserted = rs.getLong(1);
                updated = rs.getLong(2);
            }
        }
        try (Statement st = con.createStatement()) {
            for (String sql : t.afterUpsertSql()) {
                st.execute(sql);
            }
            if (!oneRun) {
                // the next tables resolve their references against this one: plan them with its real size
                st.execute("ANALYZE ehr." + t.table());
            }
        }
        Array ids = con.createArrayOf("bigint", fileIds.toArray());
        try (PreparedStatement ps = con.prepareStatement(t.markLoadedSql())) {
            ps.setArray(1, ids);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = con.prepareStatement(t.clearStagingSql())) {
            ps.setArray(1, ids);
            ps.executeUpdate();
        }
        try (Statement st = con.createStatement()) {
            st.execute("DROP TABLE " + TableNormalisation.WORK_TABLE);
        }
        TableLoadResult result = new TableLoadResult(t.table(), fileIds.size(), inserted, updated,
                resolved - inserted - updated, unresolved);
        (oneRun ? log.atDebug() : log.atInfo()).log("{}: {} file(s), {} rows: {} inserted, {} updated, {} unchanged, {} quarantined (unresolved references) in {} ms{}",
                t.table(), fileIds.size(), resolved + unresolved, inserted, updated, result.rowsUnchanged(), unresolved,
                (System.nanoTime() - started) / 1_000_000, bulk ? " (bulk load into the empty table)" : "");
        return result;
    }
}
