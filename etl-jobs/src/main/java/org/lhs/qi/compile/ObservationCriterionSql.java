package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;

/**
 * {@code observation:} results from a value set in a window. With {@code latest}, only the most recent
 * result in the window counts; its value must satisfy the comparison and, when a unit is given, carry
 * exactly that unit (a latest result in another unit does not qualify).
 */
final class ObservationCriterionSql {

    private ObservationCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.Observation o, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        // rows on the subject encounter already belong to its patient (incident reports may lack patient_id)
        c.add(o.sameEncounter() ? "o.encounter_id = s.encounter_id" : "o.patient_id = s.patient_id");
        c.add(ctx.inValueSet(prefix, "o", o.valueSet()));
        c.add("o.status <> 'entered-in-error'");
        c.addAll(TimingSql.window(o.timing(), "o.effective_time", ctx, prefix));
        return new CriterionSql.EventRows(new RowQuery("ehr.observation", "o", c), prefix, o.atLeast());
    }

    static String latest(Criterion.Observation o, SqlContext ctx) {
        String prefix = ctx.nextPrefix();
        RowQuery q = rows(o, ctx, prefix).query();
        List<String> test = new ArrayList<>();
        test.add("latest.value_num " + o.latest().operator().sql() + " " + ctx.bind(prefix, "value", o.latest().value()));
        if (o.latest().unit() != null) {
            test.add("latest.unit = " + ctx.bind(prefix, "unit", o.latest().unit()));
        }
        return "EXISTS (\n    SELECT 1 FROM (\n        SELECT o.value_num, o.unit " + Sql.indent(q.fromWhere(), 8)
                + "\n        ORDER BY o.effective_time DESC, o.id DESC\n        LIMIT 1\n    ) latest\n    WHERE "
                + Sql.and(test, 4) + "\n)";
    }

    /** A jsonb object with the latest value, unit and time in the criterion's window (evidence for reviewers). */
    static String evidence(Criterion.Observation o, SqlContext ctx, String prefix) {
        RowQuery q = rows(o, ctx, prefix).query();
        return "(\n    SELECT jsonb_build_object('value', o.value_num, 'unit', o.unit, 'time', o.effective_time) "
                + Sql.indent(q.fromWhere(), 4) + "\n    ORDER BY o.effective_time DESC, o.id DESC\n    LIMIT 1\n)";
    }
}
