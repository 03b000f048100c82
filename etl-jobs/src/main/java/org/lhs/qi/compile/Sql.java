package org.lhs.qi.compile;

import java.util.List;

/** Small helpers that keep generated SQL indented and readable. */
final class Sql {

    private Sql() {}

    /** Indents every line but the first by {@code spaces} (for embedding a multi-line fragment). */
    static String indent(String fragment, int spaces) {
        return fragment.replace("\n", "\n" + " ".repeat(spaces));
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
