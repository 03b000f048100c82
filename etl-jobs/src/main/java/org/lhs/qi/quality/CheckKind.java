package org.lhs.qi.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed set of check kinds; a check file picks one by name and supplies that kind's parameters. */
public enum CheckKind {
    /** Share of rows (optionally of some codes) with a non-null column; passes at or above the threshold. */
    REQUIRED_SHARE("required-share", Direction.AT_LEAST, List.of("table", "column"), List.of("codes")),
    /** Share of patients with at least one encounter; passes at or above the threshold. */
    PATIENTS_WITH_ENCOUNTER_SHARE("patients-with-encounter-share", Direction.AT_LEAST, List.of(), List.of()),
    /** Share of rows whose code system is not one of the allowed; passes at or below the threshold. */
    CODE_SYSTEM_CONFORMANCE("code-system-conformance", Direction.AT_MOST, List.of("table"), List.of("code-systems")),
    /** Share of observations of the codes whose unit is not the expected one; passes at or below the threshold. */
    UNIT_CONFORMANCE("unit-conformance", Direction.AT_MOST, List.of("codes", "unit"), List.of()),
    /** Share of numeric observations of the codes outside [min, max]; passes at or below the threshold. */
    VALUE_RANGE("value-range", Direction.AT_MOST, List.of("codes"), List.of("min", "max")),
    /** Share of rows breaking a temporal rule; passes at or below the threshold. */
    TEMPORAL_ORDER("temporal-order", Direction.AT_MOST, List.of("rule"), List.of("table", "grace-days")),
    /** Days between the latest event of a table and the business date; passes at or below the threshold. */
    FRESHNESS("freshness", Direction.AT_MOST, List.of("table"), List.of()),
    /** Relative change of the row count against the previous successful run; passes at or below the threshold. */
    VOLUME_CHANGE("volume-change", Direction.AT_MOST, List.of("table"), List.of()),
    /** Number of rows of a table; passes at or above the threshold (default 1). */
    TABLE_NOT_EMPTY("table-not-empty", Direction.AT_LEAST, List.of("table"), List.of()),
    /**
     * Rows tonight's FULL extract delivered for a table (every table when none is named), per site optionally,
     * wherever the previous full extract delivered rows; passes at or above the threshold (default 1). A missing
     * or header-only file fails. Not applicable on incremental nights.
     */
    EXTRACT_NOT_EMPTY("extract-not-empty", Direction.AT_LEAST, List.of(), List.of("table")),
    /**
     * Relative change of the rows tonight's extract delivered for a table (every table when none is named), per
     * site optionally, against the previous completed run whose extract had the same mode ({@code extract-mode},
     * default {@code full}); passes at or below the threshold. Not applicable on nights of the other mode.
     */
    EXTRACT_VOLUME_CHANGE("extract-volume-change", Direction.AT_MOST, List.of(), List.of("table", "extract-mode"));

    /** Which side of the threshold passes. */
    public enum Direction { AT_LEAST, AT_MOST }

    private final String label;
    private final Direction direction;
    private final List<String> requiredKeys;
    private final List<String> optionalKeys;

    CheckKind(String label, Direction direction, List<String> requiredKeys, List<String> optionalKeys) {
        this.label = label;
        this.direction = direction;
        this.requiredKeys = requiredKeys;
        this.optionalKeys = optionalKeys;
    }

    /** The name used in check files and in {@code qi.dq_result}. */
    public String label() {
        return label;
    }

    /** The OHDSI DQD-style category of the kind: completeness, conformance, plausibility, freshness or volume. */
    public String category() {
        return switch (this) {
            case REQUIRED_SHARE, PATIENTS_WITH_ENCOUNTER_SHARE -> "completeness";
            case CODE_SYSTEM_CONFORMANCE, UNIT_CONFORMANCE -> "conformance";
            case VALUE_RANGE, TEMPORAL_ORDER -> "plausibility";
            case FRESHNESS -> "freshness";
            case VOLUME_CHANGE, TABLE_NOT_EMPTY, EXTRACT_NOT_EMPTY, EXTRACT_VOLUME_CHANGE -> "volume";
        };
    }

    /** True for kinds that judge what tonight's extract files delivered rather than the warehouse. */
    public boolean judgesExtract() {
        return this == EXTRACT_NOT_EMPTY || this == EXTRACT_VOLUME_CHANGE;
    }

    public Direction direction() {
        return direction;
    }

    List<String> requiredKeys() {
        return requiredKeys;
    }

    List<String> optionalKeys() {
        return optionalKeys;
    }

    /** True when {@code observed} is on the passing side of {@code threshold}. */
    public boolean passes(double observed, double threshold) {
        return direction == Direction.AT_LEAST ? observed >= threshold : observed <= threshold;
    }

    /** The kind named {@code label} in check files and {@code qi.dq_result}. */
    public static Optional<CheckKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(CheckKind::label).toList();
    }
}
