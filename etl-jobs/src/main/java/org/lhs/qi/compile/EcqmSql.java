package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.EcqmTiming;

/** Shared pieces of the eCQM builders: value set unions, status lists and interval relations to the period. */
final class EcqmSql {

    /** CQL's order intents ({@code isMedicationActive}, {@code isInterventionOrder}, …). */
    static final List<String> ORDER_INTENTS = List.of("order", "original-order", "reflex-order", "filler-order", "instance-order");

    private EcqmSql() {}

    /** Binds the namespaced names of local value sets as one list parameter {@code <prefix>_<field>}. */
    static String valueSets(SqlContext ctx, String prefix, String field, List<String> local) {
        return ctx.bind(prefix, field, local.stream().map(n -> ctx.definition().valueSetName(n)).toList());
    }

    /** Membership of (system, code) column expressions in the value sets bound as {@code placeholder}. */
    static String in(String systemColumn, String codeColumn, String placeholder) {
        return "(" + systemColumn + ", " + codeColumn + ") IN (SELECT v.code_system, v.code FROM qi.value_set_code v"
                + " WHERE v.value_set IN (" + placeholder + "))";
    }

    /**
     * Conditions relating the interval [start, end] to the window; a null end (unknown) never satisfies a relation
     * that needs it. Bounds are midnights in the session time zone, so comparisons against [window start, window end) are CQL's
     * "day of" precision.
     */
    static List<String> window(EcqmTiming t, String start, String end, SqlContext ctx, String prefix) {
        if (t == null) {
            return List.of();
        }
        String ws = t.extendBack() == null ? "pd.start_time"
                : "(pd.start_time - CAST(" + ctx.bind(prefix, "extend_back", t.extendBack().interval()) + " AS interval))";
        String we = t.first() == null ? "pd.end_time"
                : "LEAST(pd.end_time, pd.start_time + CAST(" + ctx.bind(prefix, "first", t.first().interval()) + " AS interval))";
        List<String> c = new ArrayList<>();
        switch (t.relation()) {
            case OVERLAPS -> {
                c.add(start + " < " + we);
                c.add(end + " >= " + ws);
            }
            case DURING -> {
                c.add(start + " >= " + ws);
                c.add(end + " < " + we);
            }
            case STARTS_DURING -> {
                c.add(start + " >= " + ws);
                c.add(start + " < " + we);
            }
            case ENDS_DURING -> {
                c.add(end + " >= " + ws);
                c.add(end + " < " + we);
            }
            case STARTS_BY_END -> c.add(start + " < " + we);
            case ENDS_BY_END -> c.add(end + " < " + we);
        }
        return c;
    }

    /** Whether the subject has a matching row in the period (a derived relation, see {@link RowQuery#matches}). */
    static String exists(SqlContext ctx, String prefix, String table, String alias, List<String> conditions) {
        return new RowQuery(table, alias, conditions).matches(ctx, prefix, 1);
    }
}
