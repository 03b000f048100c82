package org.lhs.qi.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL that applies the deletion rows of incremental extracts ({@code staging.deletion}) to one warehouse
 * table. A row that other warehouse rows still reference is not deleted: its deletion row is quarantined.
 * Identifiers come only from the fixed table specs; values are bind parameters.
 */
final class DeletionPass {

    /** A warehouse column of another table that references this table's id. */
    record Referrer(String table, String column) {}

    private final String table;
    private final List<Referrer> referrers;

    DeletionPass(String table, Map<String, TableNormalisation> all) {
        this.table = table;
        List<Referrer> refs = new ArrayList<>();
        all.values().forEach(t -> t.warehouseColumns().stream()
                .filter(c -> c.equals(table + "_id"))
                .forEach(c -> refs.add(new Referrer(t.table(), c))));
        this.referrers = List.copyOf(refs);
    }

    String table() {
        return table;
    }

    /** Deletion rows whose own file is loaded (never before their file's upserts) for this table. */
    private String pending() {
        return """
                staging.deletion d JOIN qi.extract_file f ON f.id = d.extract_file_id AND f.status = 'loaded'
                JOIN ehr.%s w ON w.source_system = d.source_system AND w.source_id = d.source_id""".formatted(table);
    }

    private String referenced() {
        if (referrers.isEmpty()) {
            return "false";
        }
        return String.join(" OR ", referrers.stream()
                .map(r -> "EXISTS (SELECT 1 FROM ehr.%s c WHERE c.%s = w.id)".formatted(r.table(), r.column()))
                .toList());
    }

    /** Quarantines deletions of still-referenced rows; parameters: run id, table name. */
    String quarantineReferencedSql() {
        String which = referrers.isEmpty() ? "''" : "concat_ws(', ', " + String.join(", ", referrers.stream()
                .map(r -> "CASE WHEN EXISTS (SELECT 1 FROM ehr.%s c WHERE c.%s = w.id) THEN '%s' END"
                        .formatted(r.table(), r.column(), r.table()))
                .toList()) + ")";
        return """
                INSERT INTO qi.quarantine (run_id, extract_file_id, table_name, file_name, line_no, raw, reason)
                SELECT ?, d.extract_file_id, ?, f.file_name, d.line_no,
                       jsonb_build_object('source_system', d.source_system, 'source_id', d.source_id, 'deleted', true)::text,
                       'deletion refused: the row is still referenced by ' || %s
                           || ' rows; delete those in the same extract (or an earlier one) first'
                FROM %s
                WHERE d.table_name = ? AND (%s)""".formatted(which, pending(), referenced());
    }

    /** Deletes the unreferenced rows named by deletion rows; parameter: table name. Returns the count. */
    String deleteSql() {
        return """
                DELETE FROM ehr.%s w
                USING staging.deletion d JOIN qi.extract_file f ON f.id = d.extract_file_id AND f.status = 'loaded'
                WHERE d.table_name = ? AND w.source_system = d.source_system AND w.source_id = d.source_id
                  AND NOT (%s)""".formatted(table, referenced());
    }

    /** Forgets the applied (or refused) deletion rows; parameter: table name. */
    String clearSql() {
        return """
                DELETE FROM staging.deletion d USING qi.extract_file f
                WHERE f.id = d.extract_file_id AND f.status = 'loaded' AND d.table_name = ?""";
    }
}
