package org.lhs.qi.quality;

import java.util.List;

/**
 * The verdict of one check for one table and site ({@code ALL} or a site's source id): one row of
 * {@code qi.dq_result}. {@code sampleSourceIds} are the first few offending rows' source ids — never names or
 * clinical values — and {@code sampleLocations} where they are in tonight's extract ({@code file:line}, same
 * order; empty when not looked up or not found). A not-applicable outcome passes: the check had nothing comparable
 * to judge (e.g. a full-extract volume check on an incremental night), and says so.
 *
 * @param table the table judged, or null for the check's own table (checks over every table name it per outcome)
 */
public record CheckOutcome(CheckDefinition check, String siteKey, boolean passed, Double observed, String message,
        Long rowsChecked, Long rowsOffending, List<String> sampleSourceIds, String table, boolean notApplicable,
        List<String> sampleLocations) {

    public CheckOutcome {
        sampleSourceIds = sampleSourceIds == null ? List.of() : List.copyOf(sampleSourceIds);
        sampleLocations = sampleLocations == null ? List.of() : List.copyOf(sampleLocations);
        if (notApplicable && !passed) {
            throw new IllegalArgumentException("a not-applicable outcome cannot fail");
        }
    }

    /** An outcome about the check's own table. */
    public CheckOutcome(CheckDefinition check, String siteKey, boolean passed, Double observed, String message,
            Long rowsChecked, Long rowsOffending, List<String> sampleSourceIds) {
        this(check, siteKey, passed, observed, message, rowsChecked, rowsOffending, sampleSourceIds, null, false,
                List.of());
    }

    /** A passing outcome that says why there was nothing to judge. */
    static CheckOutcome notApplicable(CheckDefinition check, String table, String siteKey, String why) {
        return new CheckOutcome(check, siteKey, true, null, "not applicable: " + why, null, null, List.of(), table, true,
                List.of());
    }

    /** The same outcome with the offending rows' {@code file:line} locations. */
    CheckOutcome withLocations(List<String> locations) {
        return new CheckOutcome(check, siteKey, passed, observed, message, rowsChecked, rowsOffending, sampleSourceIds,
                table, notApplicable, locations);
    }

    /** {@code passed}, {@code failed} or {@code not-applicable}, as stored in {@code qi.dq_result.outcome}. */
    public String outcome() {
        return notApplicable ? "not-applicable" : passed ? "passed" : "failed";
    }

    /** The table the check looked at ({@code patient} for checks about patients). */
    public String tableName() {
        if (table != null) {
            return table;
        }
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

    /** The offending rows for people: {@code O-17 (observation.csv:18)}, or the bare source id when not located. */
    public List<String> offendingRows() {
        return java.util.stream.IntStream.range(0, sampleSourceIds.size())
                .mapToObj(i -> i < sampleLocations.size() && sampleLocations.get(i) != null
                        && !sampleLocations.get(i).isEmpty()
                        ? sampleSourceIds.get(i) + " (" + sampleLocations.get(i) + ")" : sampleSourceIds.get(i))
                .toList();
    }
}
