package org.lhs.qi.compile;

import java.util.List;

/**
 * The rows of one clinical table that a data criterion matches: {@code FROM <table> <alias> WHERE <conditions>},
 * the first condition relating a row to the subject {@code s} (the others may use the period {@code pd}). Table
 * names come from the builders only. A criterion becomes one relation over all subjects and periods at once,
 * keyed by {@code (subject_id, period_no)}, which the stage left-joins: PostgreSQL can hash it instead of
 * probing the table once per subject and period.
 */
record RowQuery(String table, String alias, List<String> conditions) {

    /** {@code FROM ... WHERE ...} body of a subquery correlated with {@code s} and {@code pd}. */
    String fromWhere() {
        return "FROM " + table + " " + alias + "\nWHERE " + Sql.and(conditions, 2);
    }

    /** The stage's subjects in their periods joined to the matching rows. */
    String joined(String stage) {
        List<String> rest = conditions.subList(1, conditions.size());
        return "FROM " + stage + " s\nJOIN period pd ON pd.period_no = s.period_no\nJOIN " + table + " " + alias
                + " ON " + conditions.get(0) + (rest.isEmpty() ? "" : "\nWHERE " + Sql.and(rest, 2));
    }

    /** TRUE when the subject has a matching row in the period (at least {@code atLeast}), else FALSE (never null). */
    String matches(SqlContext ctx, String prefix, int atLeast) {
        String having = atLeast <= 1 ? "" : "\nHAVING count(*) >= " + ctx.bind(prefix, "at_least", atLeast);
        String name = ctx.derive(prefix, "SELECT s.subject_id, s.period_no\n" + joined(ctx.stage())
                + "\nGROUP BY s.subject_id, s.period_no" + having);
        return "(" + name + ".subject_id IS NOT NULL)";
    }

    /** The number of matching rows (0 when none). */
    String count(SqlContext ctx, String prefix) {
        String name = ctx.derive(prefix, "SELECT s.subject_id, s.period_no, count(*) AS n\n" + joined(ctx.stage())
                + "\nGROUP BY s.subject_id, s.period_no");
        return "coalesce(" + name + ".n, 0)";
    }

    /**
     * The first matching row per subject and period in {@code order} (which must end in a unique column), with
     * the select-list {@code columns}; returns the name of the derived relation (no row: its columns are null).
     */
    String first(SqlContext ctx, String prefix, String columns, String order) {
        return ctx.derive(prefix, "SELECT DISTINCT ON (s.subject_id, s.period_no) s.subject_id, s.period_no, " + columns
                + "\n" + joined(ctx.stage()) + "\nORDER BY s.subject_id, s.period_no, " + order);
    }
}
