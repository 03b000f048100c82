package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.LowestOnLatestDay;

/**
 * {@code lowest-on-latest-day:} the most recent day with a qualifying reading, then the lowest value (missing numeric
 * values first, as CQL sorts nulls: a coded value is not a Quantity) of the reading or its component on that day,
 * tested against the comparison; "missing" means no value at all (neither numeric nor coded). Days are calendar days
 * in the session time zone (QI_TIME_ZONE), like the period bounds.
 */
final class LowestOnLatestDaySql {

    private LowestOnLatestDaySql() {}

    static String sql(LowestOnLatestDay l, SqlContext ctx, String prefix) {
        String readingSets = EcqmSql.valueSets(ctx, prefix, "value_set", l.valueSets());
        String statuses = ctx.bind(prefix, "status", List.of("final", "amended", "corrected"));
        List<String> alternatives = new ArrayList<>();
        int n = 0;
        for (LowestOnLatestDay.Reading r : l.readings()) {
            n++;
            alternatives.add(alternative(r, ctx, prefix + "r" + n));
        }
        String valueSets = l.component() == null ? readingSets
                : EcqmSql.valueSets(ctx, prefix, "component", List.of(l.component()));
        String day = "(SELECT max(CAST(rd.effective_time AS date)) FROM ehr.observation rd\n"
                + "         WHERE " + Sql.and(qualifying("rd", readingSets, statuses, alternatives), 9) + ")";
        List<String> lowest = qualifying("lv", valueSets, statuses, alternatives);
        lowest.add("CAST(lv.effective_time AS date) = " + day);
        List<String> test = new ArrayList<>();
        test.add("low.value_num " + l.test().operator().sql() + " " + ctx.bind(prefix, "value", l.test().value()));
        if (l.test().unit() != null) {
            test.add("low.unit = " + ctx.bind(prefix, "unit", l.test().unit()));
        }
        String passes = Sql.group(test, "AND");
        if (l.missingValue()) {
            passes = "((low.value_num IS NULL AND low.value_code IS NULL) OR " + passes + ")";
        }
        return "EXISTS (\n    SELECT 1 FROM (\n        SELECT lv.value_num, lv.value_code, lv.unit FROM ehr.observation lv\n        WHERE "
                + Sql.and(lowest, 8) + "\n        ORDER BY lv.value_num ASC NULLS FIRST, lv.id\n        LIMIT 1\n    ) low\n    WHERE "
                + passes + "\n)";
    }

    /** Conditions of a qualifying reading row {@code alias}; {@code %1$s} in alternatives stands for the alias. */
    private static List<String> qualifying(String alias, String valueSets, String statuses, List<String> alternatives) {
        List<String> c = new ArrayList<>();
        c.add(alias + ".patient_id = s.patient_id");
        c.add(EcqmSql.in(alias + ".code_system", alias + ".code", valueSets));
        c.add(alias + ".status IN (" + statuses + ")");
        c.add("(" + String.join("\n OR ", alternatives.stream().map(a -> a.replace("%R%", alias)).toList()) + ")");
        return c;
    }

    /** One readings alternative, with the reading alias left as {@code %R%} (parameters are bound once). */
    private static String alternative(LowestOnLatestDay.Reading r, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.addAll(EcqmSql.window(r.when(), "%R%.effective_time", "%R%.effective_time", ctx, prefix));
        if (!r.notOnDayOfEncounter().isEmpty()) {
            c.add("NOT EXISTS (SELECT 1 FROM ehr.encounter de WHERE de.patient_id = %R%.patient_id AND de.status = "
                    + ctx.bind(prefix, "status", "finished")
                    + " AND EXISTS (SELECT 1 FROM ehr.encounter_type dt WHERE dt.encounter_id = de.id AND "
                    + EcqmSql.in("dt.code_system", "dt.code", EcqmSql.valueSets(ctx, prefix, "not_on_day_of",
                            r.notOnDayOfEncounter())) + ")"
                    + " AND CAST(%R%.effective_time AS date) >= CAST(de.admit_time AS date)"
                    + " AND (de.discharge_time IS NULL OR CAST(%R%.effective_time AS date)"
                    + " <= CAST(de.discharge_time AS date)))");
        }
        if (!r.encounterClassNotIn().isEmpty()) {
            c.add("EXISTS (SELECT 1 FROM ehr.encounter ce WHERE ce.id = %R%.encounter_id AND ce.class NOT IN ("
                    + ctx.bind(prefix, "class_not_in", r.encounterClassNotIn()) + "))");
        }
        return c.isEmpty() ? "TRUE" : Sql.group(c, "AND");
    }
}
