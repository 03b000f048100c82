package org.lhs.qi.quality;

import java.util.List;

/**
 * The verdict of one check for one site ({@code ALL} or a site's source id): one row of {@code qi.dq_result}.
 * {@code sampleSourceIds} are the first few offending rows' source ids — never names or clinical values.
 */
public record CheckOutcome(CheckDefinition check, String siteKey, boolean passed, Double observed, String message,
        Long rowsChecked, Long rowsOffending, List<String> sampleSourceIds) {

    public CheckOutcome {
        sampleSourceIds = sampleSourceIds == null ? List.of() : List.copyOf(sampleSourceIds);
    }

    /** The table the check looked at ({@code patient} for checks about patients). */
    public String tableName() {
        return check.table() != null ? check.table().tableName() : defaultTable(check);
    }

    static String defaultTable(CheckDefinition check) {
        return switch (check.kind()) {
            case PATIENTS_WITH_ENCOUNTER_SHARE -> "patient";
            case UNIT_CONFORMANCE, VALUE_RANGE -> "observation";
            default -> "encounter";
        };
    }

    /** True when this outcome stops the run. */
    public boolean blocksRun() {
        return !passed && check.severity() == CheckSeverity.CRITICAL;
    }
}
