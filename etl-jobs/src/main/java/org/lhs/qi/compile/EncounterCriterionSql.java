package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Basis;
import org.lhs.qi.definition.Criterion;

/**
 * {@code encounter:} another encounter of the subject's patient. For encounter basis the subject encounter
 * itself never matches (a readmission is a different encounter).
 */
final class EncounterCriterionSql {

    private EncounterCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.Encounter e, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add("e.patient_id = s.patient_id");
        // FHIR extracts keep cancelled and entered-in-error encounters (eCQM kinds filter on status): they never happened
        c.add("e.status NOT IN ('cancelled', 'entered-in-error')");
        if (ctx.basis() == Basis.ENCOUNTER) {
            c.add("e.id <> s.encounter_id");
        }
        c.addAll(attributes(e, "e", ctx, prefix));
        return new CriterionSql.EventRows(new RowQuery("ehr.encounter", "e", c), prefix, e.atLeast());
    }

    /** Class, disposition, timing and stay-overlap conditions shared with {@code this-encounter}. */
    static List<String> attributes(Criterion.Encounter e, String alias, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        boolean subject = alias.equals("s");
        String id = subject ? "s.encounter_id" : alias + ".id";
        String classColumn = subject ? "s.encounter_class" : alias + ".class";
        if (!e.classes().isEmpty()) {
            c.add(classColumn + " IN (" + ctx.bind(prefix, "class", e.classes()) + ")");
        }
        if (!e.dispositionIn().isEmpty()) {
            // an unrecorded disposition is in no list: FALSE, not NULL (NULL would also poison NOT and the flags)
            c.add("(" + alias + ".discharge_disposition IS NOT NULL AND " + alias + ".discharge_disposition IN ("
                    + ctx.bind(prefix, "disposition_in", e.dispositionIn()) + "))");
        }
        if (!e.dispositionNotIn().isEmpty()) {
            // an unrecorded disposition is not one of the excluded ones
            c.add("(" + alias + ".discharge_disposition IS NULL OR " + alias + ".discharge_disposition NOT IN ("
                    + ctx.bind(prefix, "disposition_not_in", e.dispositionNotIn()) + "))");
        }
        String anchor = alias + (e.anchor() == Criterion.Anchor.DISCHARGE ? ".discharge_time" : ".admit_time");
        c.addAll(TimingSql.window(e.timing(), anchor, ctx, prefix));
        if (e.followUpComplete() != null) {
            c.add(FollowUpCompleteSql.sql(e.followUpComplete(), alias, ctx, prefix));
        }
        if (e.stayOverlapsPeriod()) {
            c.add("EXISTS (\n    SELECT 1 FROM ehr.unit_stay us\n    WHERE us.encounter_id = " + id
                    + "\n      AND us.start_time < pd.end_time\n      AND coalesce(us.end_time, pd.end_time) > pd.start_time\n)");
        }
        return c;
    }
}
