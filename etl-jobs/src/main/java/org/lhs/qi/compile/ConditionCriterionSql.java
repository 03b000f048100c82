package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;
import org.lhs.qi.definition.Timing;

/**
 * {@code condition:} diagnoses from a value set. {@code during: period} means active at some time in the
 * period (onset before its end, not abated before its start); other windows apply to the onset time.
 */
final class ConditionCriterionSql {

    private ConditionCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.Condition x, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        // rows on the subject encounter already belong to its patient (incident reports may lack patient_id)
        c.add(x.sameEncounter() ? "c.encounter_id = s.encounter_id" : "c.patient_id = s.patient_id");
        c.add(ctx.inValueSet(prefix, "c", x.valueSet()));
        c.add("c.status <> 'entered-in-error'");
        if (x.timing() instanceof Timing.DuringPeriod) {
            c.add("c.onset_time < pd.end_time");
            c.add("(c.abatement_time IS NULL OR c.abatement_time >= pd.start_time)");
        } else {
            c.addAll(TimingSql.window(x.timing(), "c.onset_time", ctx, prefix));
        }
        if (x.notAbated()) {
            c.add("(c.abatement_time IS NULL OR c.abatement_time >= pd.end_time)");
        }
        if (!x.presentOnAdmission().isEmpty()) {
            c.add("c.present_on_admission IN (" + ctx.bind(prefix, "present_on_admission", x.presentOnAdmission()) + ")");
        }
        return new CriterionSql.EventRows(new RowQuery("ehr.condition", "c", c), prefix, x.atLeast());
    }
}
