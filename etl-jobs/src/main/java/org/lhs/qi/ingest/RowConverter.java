package org.lhs.qi.ingest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts and validates one CSV record against a {@link TableSpec}: either the staging values (source
 * system, source id, then the spec columns) or a reason naming every bad column and what is wrong.
 */
public final class RowConverter implements RecordMapper {

    /** What became of one record. */
    public sealed interface Outcome {}

    /** The staging values after {@code extract_file_id, line_no}; nulls stand for SQL NULL. */
    public record Good(String[] values) implements Outcome {}

    /** The record deletes the warehouse row with this source id (incremental extracts, {@code deleted = true}). */
    public record Deletion(String sourceSystem, String sourceId) implements Outcome {}

    /** Why the record is quarantined. */
    public record Bad(String reason) implements Outcome {}

    /** A well-formed source record that deliberately has no place in the warehouse, and why (for reconciliation). */
    public record Skipped(String reason) implements Outcome {}

    private final TableSpec spec;
    private final HeaderMapping mapping;
    private final String defaultSourceSystem;
    private final ZoneId zone;

    public RowConverter(TableSpec spec, HeaderMapping mapping, String defaultSourceSystem, ZoneId zone) {
        this.spec = spec;
        this.mapping = mapping;
        this.defaultSourceSystem = defaultSourceSystem;
        this.zone = zone;
    }

    @Override
    public Outcome convert(List<String> fields) {
        if (fields.size() != mapping.headerSize()) {
            return new Bad("record has " + fields.size() + " field(s) but the header has " + mapping.headerSize());
        }
        if (mapping.deletedIndex() >= 0) {
            String deleted = field(fields, mapping.deletedIndex());
            if (deleted != null && !deleted.equalsIgnoreCase("false")) {
                if (!deleted.equalsIgnoreCase("true")) {
                    return new Bad(TableSpec.DELETED_COLUMN + ": " + ValueType.quote(deleted) + " is not true or false");
                }
                return deletion(fields);
            }
        }
        List<String> problems = new ArrayList<>(0);
        String[] values = new String[2 + spec.columns().size()];
        String sourceSystem = mapping.sourceSystemIndex() < 0 ? null : field(fields, mapping.sourceSystemIndex());
        values[0] = sourceSystem != null ? sourceSystem : defaultSourceSystem;
        values[1] = field(fields, mapping.sourceIdIndex());
        if (values[1] == null) {
            problems.add(spec.sourceIdColumn() + ": required value is missing");
        }
        for (int c = 0; c < spec.columns().size(); c++) {
            ColumnSpec column = spec.columns().get(c);
            int index = mapping.columnIndexes()[c];
            String raw = index < 0 ? null : field(fields, index);
            if (raw == null) {
                if (column.required()) {
                    problems.add(column.name() + ": required value is missing");
                }
                values[2 + c] = column.defaultValue();
                continue;
            }
            try {
                values[2 + c] = column.type().convert(raw, zone);
            } catch (InvalidValueException e) {
                problems.add(column.name() + ": " + e.getMessage());
            }
        }
        for (String v : values) {
            if (v != null && v.indexOf('\0') >= 0) {
                problems.add("record contains a NUL character, which PostgreSQL text cannot hold");
                break;
            }
        }
        return problems.isEmpty() ? new Good(values) : new Bad(String.join("; ", problems));
    }

    /** A deletion needs only the row's identity; its other fields are not checked (they may be empty). */
    private Outcome deletion(List<String> fields) {
        String sourceSystem = mapping.sourceSystemIndex() < 0 ? null : field(fields, mapping.sourceSystemIndex());
        String sourceId = field(fields, mapping.sourceIdIndex());
        if (sourceId == null) {
            return new Bad(spec.sourceIdColumn() + ": required value is missing (a deletion names the row to delete)");
        }
        if ((sourceId + sourceSystem).indexOf('\0') >= 0) {
            return new Bad("record contains a NUL character, which PostgreSQL text cannot hold");
        }
        return new Deletion(sourceSystem != null ? sourceSystem : defaultSourceSystem, sourceId);
    }

    /** The stripped field, or null when empty. */
    private static String field(List<String> fields, int index) {
        String v = fields.get(index);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }
}
