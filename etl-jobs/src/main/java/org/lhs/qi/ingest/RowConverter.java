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

    /**
     * Longest value accepted in any column (64 Ki characters): codes, ids and names are far shorter, so a
     * longer one is a broken extract (a runaway quote, a blob in the wrong column) and its row is quarantined.
     */
    public static final int MAX_FIELD_CHARS = 1 << 16;

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
        readable(TableSpec.SOURCE_SYSTEM_COLUMN, values[0], problems);
        readable(spec.sourceIdColumn(), values[1], problems);
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
            if (!readable(column.name(), raw, problems)) {
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

    /**
     * False (with the problem noted) for a value too long to be real or holding undecodable bytes: the
     * readers turn bytes that are not UTF-8 into U+FFFD, and such a value (an id, a code) would silently
     * become a different one, so the row is quarantined instead.
     */
    private static boolean readable(String column, String value, List<String> problems) {
        if (value == null) {
            return true;
        }
        if (value.length() > MAX_FIELD_CHARS) {
            problems.add(column + ": value is " + value.length() + " characters long, more than the " + MAX_FIELD_CHARS
                    + " allowed");
            return false;
        }
        if (value.indexOf('\uFFFD') >= 0) {
            problems.add(column + ": value is not valid UTF-8 (undecodable bytes)");
            return false;
        }
        return true;
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
