package org.lhs.qi.compile;

import java.util.List;
import org.lhs.qi.definition.Criterion;

/** {@code this-encounter:} conditions on the subject encounter's own columns (encounter basis). */
final class ThisEncounterCriterionSql {

    private ThisEncounterCriterionSql() {}

    static String sql(Criterion.Encounter e, SqlContext ctx) {
        List<String> c = EncounterCriterionSql.attributes(e, "s", ctx, ctx.nextPrefix());
        if (c.isEmpty()) {
            return "TRUE";
        }
        return Sql.group(c, "AND");
    }
}
