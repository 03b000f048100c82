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
        return "NOT " + CriterionSql.of(not.criterion(), ctx);
    }

    private static String join(List<Criterion> criteria, String op, SqlContext ctx) {
        return Sql.group(criteria.stream().map(c -> CriterionSql.of(c, ctx)).toList(), op);
    }
}
