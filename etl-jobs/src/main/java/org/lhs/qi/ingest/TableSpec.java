package org.lhs.qi.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of one canonical extract file ({@code <table>.csv}) and its staging table. Besides the
 * listed columns every file has its source identifier {@code <table>_id} (→ {@code source_id}) and may
 * have {@code source_system}.
 */
public record TableSpec(String table, List<ColumnSpec> columns) {

    /** Optional column naming the source system of each row. */
    public static final String SOURCE_SYSTEM_COLUMN = "source_system";

    /** Optional column of incremental extracts: {@code true} deletes the row with this id from the warehouse. */
    public static final String DELETED_COLUMN = "deleted";

    public TableSpec {
        columns = List.copyOf(columns);
    }

    /** Header name of the row's own source identifier. */
    public String sourceIdColumn() {
        return table + "_id";
    }

    public String fileName() {
        return table + ".csv";
    }

    /** {@code staging.<table>}; the table name comes from {@link CanonicalTables} only. */
    public String stagingTable() {
        return "staging." + table;
    }

    /** Every column the file may have: source id, source system, the deletion flag, then the data columns. */
    public List<String> knownHeaderNames() {
        List<String> names = new ArrayList<>();
        names.add(sourceIdColumn());
        names.add(SOURCE_SYSTEM_COLUMN);
        names.add(DELETED_COLUMN);
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    /** Staging columns in the order {@link RowConverter} writes them. */
    public List<String> stagingColumns() {
        List<String> names = new ArrayList<>(List.of("extract_file_id", "line_no", "source_system", "source_id"));
        columns.forEach(c -> names.add(c.stagingColumn()));
        return names;
    }
}
