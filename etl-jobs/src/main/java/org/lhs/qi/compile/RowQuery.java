package org.lhs.qi.compile;

import java.util.List;

/**
 * The rows of one clinical table that a data criterion matches: {@code FROM <table> <alias> WHERE <conditions>}
 * (correlated with the subject {@code s} and the period {@code pd}). Table names come from the builders only.
 */
record RowQuery(String table, String alias, List<String> conditions) {

    /** {@code FROM ... WHERE ...} body. */
    String fromWhere() {
        return "FROM " + table + " " + alias + "\nWHERE " + Sql.and(conditions, 2);
    }

    /** {@code EXISTS (...)} for at-least 1, else a count compared with the bound minimum. */
    String matches(SqlContext ctx, String prefix, int atLeast) {
        if (atLeast <= 1) {
            return "EXISTS (\n    SELECT 1 " + Sql.indent(fromWhere(), 4) + "\n)";
        }
        return count() + " >= " + ctx.bind(prefix, "at_least", atLeast);
    }

    /** {@code (SELECT count(*) ...)}: the number of matching rows. */
    String count() {
        return "(\n    SELECT count(*) " + Sql.indent(fromWhere(), 4) + "\n)";
    }
}
