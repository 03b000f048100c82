package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;

/** {@code procedure:} procedures from a value set, timed by the performed time. */
final class ProcedureCriterionSql {

    private ProcedureCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.Procedure x, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        // rows on the subject encounter already belong to its patient (incident reports may lack patient_id)
        c.add(x.sameEncounter() ? "pr.encounter_id = s.encounter_id" : "pr.patient_id = s.patient_id");
        c.add(ctx.inValueSet(prefix, "pr", x.valueSet()));
        c.add("pr.status <> 'entered-in-error'");
        c.addAll(TimingSql.window(x.timing(), "pr.performed_time", ctx, prefix));
        return new CriterionSql.EventRows(new RowQuery("ehr.procedure", "pr", c), prefix, x.atLeast());
    }
}
