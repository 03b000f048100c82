package org.lhs.qi.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lhs.qi.ingest.ColumnSpec;
import org.lhs.qi.ingest.TableSpec;

/**
 * The SQL that moves one table from staging into the warehouse, generated from the canonical table spec
 * (so the column lists exist once). Identifiers come only from that fixed spec; values are bind parameters.
 */
final class TableNormalisation {

    /** A staging {@code *_ref} column resolved to a warehouse surrogate id. */
    record Reference(String stagingColumn, String targetTable, List<String> carriedColumns) {
        String warehouseColumn() {
            return targetTable + "_id";
        }
    }

    static final String WORK_TABLE = "qi_normalise_src";

    /** Staging columns with no warehouse column of their own: they feed a child table after the upsert. */
    private static final Set<String> STAGING_ONLY = Set.of("type_codes");

    private final String table;
    private final List<Reference> references;
    private final List<String> valueColumns;
    private final List<String> stagingOnlyColumns;
    /** A request's id is unique per kind (a ServiceRequest and a DeviceRequest may share one). */
    private final String kindKey;

    TableNormalisation(TableSpec spec) {
        this.table = spec.table();
        List<Reference> refs = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> stagingOnly = new ArrayList<>();
        for (ColumnSpec c : spec.columns()) {
            String col = c.stagingColumn();
            if (col.endsWith("_ref")) {
                String target = col.substring(0, col.length() - "_ref".length());
                // a unit stay knows only its encounter; patient and site come from there
                List<String> carried = table.equals("unit_stay") && target.equals("encounter")
                        ? List.of("patient_id", "site_id") : List.of();
                refs.add(new Reference(col, target, carried));
            } else if (STAGING_ONLY.contains(col)) {
                stagingOnly.add(col);
            } else {
                values.add(col);
            }
        }
        this.stagingOnlyColumns = List.copyOf(stagingOnly);
        this.kindKey = table.equals("request") ? "x.kind, " : "";
        this.references = List.copyOf(refs);
        this.valueColumns = List.copyOf(values);
    }

    String table() {
        return table;
    }

    /** Warehouse columns written besides source_system and source_id. */
    List<String> warehouseColumns() {
        List<String> cols = new ArrayList<>();
        for (Reference r : references) {
            cols.add(r.warehouseColumn());
            cols.addAll(r.carriedColumns());
        }
        cols.addAll(valueColumns);
        return cols;
    }

    /**
     * The work table: the last staged line of every source id among the table's staged files, with its
     * references resolved and, when some cannot be, the reason.
     */
    String createWorkTableSql() {
        return createWorkTableSql(false);
    }

    /** @param oneRun only the files staged by one run (a bind parameter: the run id) */
    String createWorkTableSql(boolean oneRun) {
        StringBuilder select = new StringBuilder("SELECT s.extract_file_id, s.line_no, s.source_system, s.source_id");
        StringBuilder joins = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Reference r = references.get(i);
            String alias = "r" + i;
            select.append(", ").append(alias).append(".id AS ").append(r.warehouseColumn());
            for (String carried : r.carriedColumns()) {
                select.append(", ").append(alias).append('.').append(carried).append(" AS ").append(carried);
            }
            joins.append("\nLEFT JOIN ehr.").append(r.targetTable()).append(' ').append(alias)
                    .append(" ON ").append(alias).append(".source_system = s.source_system AND ")
                    .append(alias).append(".source_id = s.").append(r.stagingColumn());
            problems.add("CASE WHEN s." + r.stagingColumn() + " IS NOT NULL AND " + alias + ".id IS NULL THEN format('"
                    + r.warehouseColumn() + " %L not found in " + r.targetTable() + ".csv or the warehouse', s."
                    + r.stagingColumn() + ") END");
        }
        valueColumns.forEach(c -> select.append(", s.").append(c));
        stagingOnlyColumns.forEach(c -> select.append(", s.").append(c));
        String problem = problems.isEmpty() ? "NULL::text"
                : "NULLIF(concat_ws('; ', " + String.join(", ", problems) + "), '')";
        select.append(",\n  ").append(problem).append(" AS problem");
        // the raw row is only needed for quarantine: building JSON for every row cost ~60% of this statement
        select.append(",\n  CASE WHEN ").append(problem).append(" IS NOT NULL")
                .append(" THEN (to_jsonb(s) - 'extract_file_id' - 'line_no')::text END AS raw");
        return "CREATE TEMP TABLE " + WORK_TABLE + " ON COMMIT DROP AS\n" + select
                // byte order ("C") groups the ids as well as any collation and sorts them several times faster
                + "\nFROM (SELECT DISTINCT ON (" + kindKey + "x.source_system COLLATE \"C\", x.source_id COLLATE \"C\") x.*"
                + "\n      FROM staging." + table + " x JOIN qi.extract_file f ON f.id = x.extract_file_id"
                + "\n      WHERE f.table_name = '" + table + "' AND f.status = 'staged'" + (oneRun ? " AND f.run_id = ?" : "")
                // the most recently staged file wins, and within a file the last line
                + "\n      ORDER BY " + kindKey + "x.source_system COLLATE \"C\", x.source_id COLLATE \"C\", f.staged_at DESC,"
                + " x.extract_file_id DESC, x.line_no DESC) s"
                + joins;
    }

    /** Unresolved rows into quarantine; parameters: run id, table name. */
    String quarantineSql() {
        return """
                INSERT INTO qi.quarantine (run_id, extract_file_id, table_name, file_name, line_no, raw, reason)
                SELECT ?, n.extract_file_id, ?, f.file_name, n.line_no, n.raw, n.problem
                FROM %s n JOIN qi.extract_file f ON f.id = n.extract_file_id
                WHERE n.problem IS NOT NULL""".formatted(WORK_TABLE);
    }

    /**
     * Upsert of the resolved rows that changes nothing when the values are identical; returns one row:
     * inserted, updated.
     */
    String upsertSql() {
        List<String> cols = warehouseColumns();
        String colList = String.join(", ", cols);
        String set = String.join(", ", cols.stream().map(c -> c + " = EXCLUDED." + c).toList());
        String current = String.join(", ", cols.stream().map(c -> "w." + c).toList());
        String incoming = String.join(", ", cols.stream().map(c -> "EXCLUDED." + c).toList());
        return "WITH up AS (\n  INSERT INTO ehr." + table + " AS w (source_system, source_id, " + colList + ")"
                + "\n  SELECT source_system, source_id, " + colList + " FROM " + WORK_TABLE + " WHERE problem IS NULL"
                + "\n  ON CONFLICT (" + kindKey.replace("x.", "") + "source_system, source_id) DO UPDATE SET " + set
                + "\n  WHERE (" + current + ") IS DISTINCT FROM (" + incoming + ")"
                + "\n  RETURNING (w.xmax = 0) AS inserted)"
                + "\nSELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up";
    }

    /**
     * Plain insert of the resolved rows into an empty table (bulk load: no conflict is possible, the work table
     * holds one row per source id); returns the count.
     */
    String bulkInsertSql() {
        String colList = String.join(", ", warehouseColumns());
        return "INSERT INTO ehr." + table + " (source_system, source_id, " + colList + ")"
                + "\nSELECT source_system, source_id, " + colList + " FROM " + WORK_TABLE + " WHERE problem IS NULL";
    }

    /**
     * Child rows replaced after the upsert: the type codes of each loaded encounter that states them (FHIR
     * encounters do, canonical CSV ones leave the column empty and keep what they have).
     */
    List<String> afterUpsertSql() {
        if (!stagingOnlyColumns.contains("type_codes")) {
            return List.of();
        }
        String loaded = WORK_TABLE + " n JOIN ehr.encounter e ON e.source_system = n.source_system"
                + " AND e.source_id = n.source_id WHERE n.problem IS NULL AND n.type_codes IS NOT NULL";
        return List.of(
                "DELETE FROM ehr.encounter_type t USING " + loaded + " AND t.encounter_id = e.id",
                "INSERT INTO ehr.encounter_type (encounter_id, code_system, code)"
                        + "\nSELECT DISTINCT e.id, split_part(tc, '|', 1), substr(tc, strpos(tc, '|') + 1)"
                        + "\nFROM " + loaded.replace(" WHERE ", " CROSS JOIN string_to_table(n.type_codes, ';') AS tc WHERE ")
                        + " AND strpos(tc, '|') > 1 AND length(tc) > strpos(tc, '|')"
                        + "\nON CONFLICT DO NOTHING");
    }

    /** Marks the files loaded with their counts; parameter: the file ids (bigint[]). */
    String markLoadedSql() {
        return """
                UPDATE qi.extract_file f
                SET status = 'loaded', loaded_at = now(),
                    rows_loaded = coalesce(c.loaded, 0),
                    rows_quarantined = f.rows_quarantined + coalesce(c.unresolved, 0)
                FROM unnest(?::bigint[]) AS ids(id)
                LEFT JOIN (SELECT extract_file_id, count(*) FILTER (WHERE problem IS NULL) AS loaded,
                                  count(*) FILTER (WHERE problem IS NOT NULL) AS unresolved
                           FROM %s GROUP BY extract_file_id) c ON c.extract_file_id = ids.id
                WHERE f.id = ids.id""".formatted(WORK_TABLE);
    }

    /** Empties the loaded files' staging rows; parameter: the file ids (bigint[]). */
    String clearStagingSql() {
        return "DELETE FROM staging." + table + " WHERE extract_file_id = ANY(?::bigint[])";
    }

    /** Counts per work table: total resolved rows. */
    String resolvedCountSql() {
        return "SELECT count(*) FILTER (WHERE problem IS NULL), count(*) FILTER (WHERE problem IS NOT NULL) FROM "
                + WORK_TABLE;
    }
}
