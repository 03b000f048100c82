package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;

/** {@code patient:} age (whole years on the last day of the period, {@code s.age_years}) and sex. */
final class PatientCriterionSql {

    private PatientCriterionSql() {}

    static String sql(Criterion.Patient p, SqlContext ctx) {
        String prefix = ctx.nextPrefix();
        List<String> conditions = new ArrayList<>();
        if (p.minAge() != null) {
            conditions.add("s.age_years >= " + ctx.bind(prefix, "age_min", p.minAge()));
        }
        if (p.maxAge() != null) {
            conditions.add("s.age_years <= " + ctx.bind(prefix, "age_max", p.maxAge()));
        }
        if (!p.sexes().isEmpty()) {
            conditions.add("s.sex IN (" + ctx.bind(prefix, "sex", p.sexes()) + ")");
        }
        if (conditions.isEmpty()) {
            return "TRUE";
        }
        return Sql.group(conditions, "AND");
    }
}
