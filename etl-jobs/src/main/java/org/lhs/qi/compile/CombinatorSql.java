package org.lhs.qi.compile;

import java.util.List;
import org.lhs.qi.definition.Criterion;

/** {@code all}, {@code any} and {@code not} as parenthesised AND / OR / NOT. */
final class CombinatorSql {

    private CombinatorSql() {}

    static String all(Criterion.All all, SqlContext ctx) {
        return join(all.criteria(), "AND", ctx);
    }

    static String any(Criterion.Any any, SqlContext ctx) {
        return join(any.criteria(), "OR", ctx);
    }

    static String not(Criterion.Not not, SqlContext ctx) {
        return "NOT " + Sql.indent(CriterionSql.of(not.criterion(), ctx), 4);
    }

    private static String join(List<Criterion> criteria, String op, SqlContext ctx) {
        if (criteria.size() == 1) {
            return CriterionSql.of(criteria.get(0), ctx);
        }
        StringBuilder sb = new StringBuilder("(\n");
        for (int i = 0; i < criteria.size(); i++) {
            sb.append("    ").append(i == 0 ? "" : op + " ").append(Sql.indent(CriterionSql.of(criteria.get(i), ctx), 4))
                    .append('\n');
        }
        return sb.append(")").toString();
    }
}
