package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;

/** {@code medication:} orders/administrations/dispenses from a value set, timed by the start time. */
final class MedicationCriterionSql {

    private MedicationCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.Medication x, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        // rows on the subject encounter already belong to its patient (incident reports may lack patient_id)
        c.add(x.sameEncounter() ? "m.encounter_id = s.encounter_id" : "m.patient_id = s.patient_id");
        c.add(ctx.inValueSet(prefix, "m", x.valueSet()));
        if (!x.kinds().isEmpty()) {
            c.add("m.kind IN (" + ctx.bind(prefix, "kind", x.kinds()) + ")");
        }
        c.add("m.status <> 'entered-in-error'");
        c.addAll(TimingSql.window(x.timing(), "m.start_time", ctx, prefix));
        return new CriterionSql.EventRows(new RowQuery("ehr.medication", "m", c), prefix, x.atLeast());
    }
}
