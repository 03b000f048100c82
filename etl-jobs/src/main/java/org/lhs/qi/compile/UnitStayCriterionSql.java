package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;
import org.lhs.qi.definition.Timing;

/**
 * {@code unit-stay:} stays on named units (e.g. ICU). {@code during: period} means the stay overlaps the period
 * (started before its end, not ended before its start); other windows apply to the stay's start time.
 */
final class UnitStayCriterionSql {

    private UnitStayCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.UnitStay x, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add(x.sameEncounter() ? "us.encounter_id = s.encounter_id" : "us.patient_id = s.patient_id");
        if (!x.units().isEmpty()) {
            c.add("us.unit IN (" + ctx.bind(prefix, "unit", x.units()) + ")");
        }
        if (x.shorterThan() != null) {
            // an open stay has not ended, so it is never "shorter than"
            c.add("us.end_time - us.start_time < CAST(" + ctx.bind(prefix, "shorter_than", x.shorterThan().interval())
                    + " AS interval)");
        }
        if (x.timing() instanceof Timing.DuringPeriod) {
            c.add("us.start_time < pd.end_time");
            c.add("(us.end_time IS NULL OR us.end_time >= pd.start_time)");
        } else {
            c.addAll(TimingSql.window(x.timing(), "us.start_time", ctx, prefix));
        }
        return new CriterionSql.EventRows(new RowQuery("ehr.unit_stay", "us", c), prefix, x.atLeast());
    }
}
