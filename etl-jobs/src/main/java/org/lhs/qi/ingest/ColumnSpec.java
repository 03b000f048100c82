package org.lhs.qi.ingest;

import java.util.Objects;

/**
 * One column of a canonical extract file.
 *
 * @param name          header name in the CSV file
 * @param type          how the field is converted and validated
 * @param required      whether the header must have the column and every record a value
 * @param stagingColumn the column of {@code staging.<table>} it lands in
 * @param defaultValue  value staged when the field is empty (null: stage null)
 */
public record ColumnSpec(String name, ValueType type, boolean required, String stagingColumn, String defaultValue) {

    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(stagingColumn);
    }

    public static ColumnSpec required(String name, ValueType type) {
        return new ColumnSpec(name, type, true, stagingName(name), null);
    }

    public static ColumnSpec optional(String name, ValueType type) {
        return new ColumnSpec(name, type, false, stagingName(name), null);
    }

    /** This column with a value staged when the field is empty or the column absent. */
    public ColumnSpec withDefault(String value) {
        return new ColumnSpec(name, type, required, stagingColumn, value);
    }

    /** References to other records stay source identifiers in staging: {@code patient_id} → {@code patient_ref}. */
    private static String stagingName(String name) {
        return switch (name) {
            case "patient_id" -> "patient_ref";
            case "encounter_id" -> "encounter_ref";
            case "site_id" -> "site_ref";
            default -> name;
        };
    }
}
