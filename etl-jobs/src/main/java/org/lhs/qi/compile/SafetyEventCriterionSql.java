package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;

/** {@code safety-event:} incident reports by type and harm level, timed by the event time. */
final class SafetyEventCriterionSql {

    private SafetyEventCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.SafetyEvent x, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        // rows on the subject encounter already belong to its patient (incident reports may lack patient_id)
        c.add(x.sameEncounter() ? "se.encounter_id = s.encounter_id" : "se.patient_id = s.patient_id");
        if (!x.types().isEmpty()) {
            c.add("se.event_type IN (" + ctx.bind(prefix, "type", x.types()) + ")");
        }
        if (!x.harmLevels().isEmpty()) {
            c.add("se.harm_level IN (" + ctx.bind(prefix, "harm", x.harmLevels()) + ")");
        }
        c.addAll(TimingSql.window(x.timing(), "se.event_time", ctx, prefix));
        return new CriterionSql.EventRows(new RowQuery("ehr.safety_event", "se", c), prefix, x.atLeast());
    }
}
