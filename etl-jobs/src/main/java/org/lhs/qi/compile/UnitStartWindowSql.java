package org.lhs.qi.compile;

import java.util.List;
import org.lhs.qi.definition.Timing;

/**
 * {@code after-unit-start: { unit: [ICU], days: N }}: from midnight (session time zone) of the day the subject
 * encounter's first stay on one of the units started, through the end of the N-th calendar day after it
 * ("the day of or the day after ICU admission" for N = 1). No such stay: the window is empty.
 */
final class UnitStartWindowSql {

    private UnitStartWindowSql() {}

    static List<String> window(Timing.AfterUnitStart u, String column, SqlContext ctx, String prefix) {
        String first = "(SELECT date_trunc('day', min(fu.start_time)) FROM ehr.unit_stay fu WHERE fu.encounter_id = s.encounter_id"
                + " AND fu.unit IN (" + ctx.bind(prefix, "unit_start_unit", u.units()) + "))";
        return List.of(column + " >= " + first,
                column + " < " + first + " + CAST(" + ctx.bind(prefix, "unit_start_days", (u.days() + 1) + " days")
                        + " AS interval)");
    }
}
