package org.lhs.qi.compile;

import java.util.List;

/** Small helpers that keep generated SQL indented and readable. */
final class Sql {

    private Sql() {}

    /** Indents every line but the first by {@code spaces} (for embedding a multi-line fragment). */
    static String indent(String fragment, int spaces) {
        return fragment.replace("\n", "\n" + " ".repeat(spaces));
    }

    /** A parenthesised block of conditions joined by {@code op}, one per line; a single condition stays bare. */
    static String group(List<String> conditions, String op) {
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        StringBuilder sb = new StringBuilder("(\n");
        for (int i = 0; i < conditions.size(); i++) {
            sb.append("    ").append(i == 0 ? "" : op + " ").append(indent(conditions.get(i), 4)).append('\n');
        }
        return sb.append(")").toString();
    }

    /** {@code cond1\n  AND cond2 ...} with the given indentation of continuation lines. */
    static String and(List<String> conditions, int spaces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sb.append('\n').append(" ".repeat(spaces)).append("AND ");
            }
            sb.append(indent(conditions.get(i), spaces + 4));
        }
        return sb.toString();
    }
}
