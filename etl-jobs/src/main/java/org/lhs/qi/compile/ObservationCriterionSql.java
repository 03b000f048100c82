package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;

/**
 * {@code observation:} results from a value set in a window (optionally only those with a coded value in
 * another value set). With {@code latest}/{@code earliest}, only the most recent/first result in the window
 * counts; its value must satisfy the numeric comparison (and carry exactly the unit, when given) and/or
 * have a coded value in the pick's value set.
 */
final class ObservationCriterionSql {

    private ObservationCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.Observation o, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        // rows on the subject encounter already belong to its patient (incident reports may lack patient_id)
        c.add(o.sameEncounter() ? "o.encounter_id = s.encounter_id" : "o.patient_id = s.patient_id");
        c.add(ctx.inValueSet(prefix, "o", o.valueSet()));
        if (o.valueIn() != null) {
            c.add(ctx.inValueSet(prefix, "value_in", "o.value_code_system", "o.value_code", o.valueIn()));
        }
        c.add("o.status <> 'entered-in-error'");
        c.addAll(TimingSql.window(o.timing(), "o.effective_time", ctx, prefix));
        return new CriterionSql.EventRows(new RowQuery("ehr.observation", "o", c), prefix, o.atLeast());
    }

    static String picked(Criterion.Observation o, SqlContext ctx) {
        String prefix = ctx.nextPrefix();
        RowQuery q = rows(o, ctx, prefix).query();
        String columns = "o.value_num, o.unit";
        if (o.pickValueIn() != null) {
            columns += ", o.value_code_system, o.value_code";
        }
        // the picked result per subject and period; none: its columns are null and the criterion is not met
        String picked = q.first(ctx, prefix, columns, order(o));
        List<String> test = new ArrayList<>();
        test.add(picked + ".subject_id IS NOT NULL");
        if (o.comparison() != null) {
            test.add(picked + ".value_num " + o.comparison().operator().sql() + " "
                    + ctx.bind(prefix, "value", o.comparison().value()));
            if (o.comparison().unit() != null) {
                test.add(picked + ".unit = " + ctx.bind(prefix, "unit", o.comparison().unit()));
            }
        }
        if (o.pickValueIn() != null) {
            test.add(ctx.inValueSet(prefix, "picked_value_in", picked + ".value_code_system", picked + ".value_code",
                    o.pickValueIn()));
        }
        // a missing value or unit makes the comparison unknown: not met (as before, never null under NOT)
        return "coalesce(" + Sql.group(test, "AND") + ", FALSE)";
    }

    /** A jsonb object with the picked value, unit and time in the criterion's window (evidence for reviewers). */
    static String evidence(Criterion.Observation o, SqlContext ctx, String prefix) {
        RowQuery q = rows(o, ctx, prefix).query();
        String picked = q.first(ctx, prefix,
                "jsonb_build_object('value', o.value_num, 'unit', o.unit, 'time', o.effective_time) AS evidence", order(o));
        return picked + ".evidence";
    }

    /** Time order for latest/earliest; value order for lowest/highest (results without a number never win). */
    private static String order(Criterion.Observation o) {
        return switch (o.pick()) {
            case EARLIEST -> "o.effective_time, o.id";
            case LATEST -> "o.effective_time DESC, o.id DESC";
            case LOWEST -> "o.value_num ASC NULLS LAST, o.effective_time, o.id";
            case HIGHEST -> "o.value_num DESC NULLS LAST, o.effective_time, o.id";
        };
    }
}
