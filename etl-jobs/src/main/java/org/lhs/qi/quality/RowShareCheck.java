package org.lhs.qi.quality;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The common shape of row-level checks: among the rows of a whitelisted table that a {@link #population()}
 * predicate selects, count those an {@link #offending()} predicate marks, per site and overall, in one
 * set-based query. Subclasses supply the predicates (identifiers from {@link DqTable} only, values as named
 * bind parameters) and say how the share is judged.
 */
abstract sealed class RowShareCheck implements DataQualityCheck
        permits RequiredShareCheck, PatientsWithEncounterShareCheck, CodeSystemConformanceCheck, UnitConformanceCheck,
        ValueRangeCheck, TemporalOrderCheck {

    static final int SAMPLE_SIZE = 5;

    private final CheckDefinition definition;

    RowShareCheck(CheckDefinition definition) {
        this.definition = definition;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    /** The table whose rows are checked. */
    abstract DqTable table();

    /** SQL predicate over alias {@code t} choosing the rows to check. */
    abstract String population();

    /** SQL predicate over alias {@code t} marking an offending row. */
    abstract String offending();

    /** Named bind values used by the predicates. */
    abstract Map<String, Object> parameters();

    /** What an offending row is, for messages, e.g. "rows without value_num". */
    abstract String offendingWhat();

    /** The whole query: one row per site (when per site) plus the {@code ALL} row. */
    String sql() {
        String checked = "WITH checked AS (SELECT COALESCE(s.source_id, 'unknown') AS site_key, t.source_id,"
                + " COALESCE((" + offending() + "), false) AS bad FROM " + table().fromWithSite()
                + " WHERE " + population() + ")\n";
        String measures = "count(*) AS total, count(*) FILTER (WHERE bad) AS offending,"
                + " (array_agg(source_id ORDER BY source_id) FILTER (WHERE bad))[1 : " + SAMPLE_SIZE + "] AS sample";
        return definition.perSite()
                ? checked + "SELECT CASE WHEN GROUPING(site_key) = 1 THEN 'ALL' ELSE site_key END AS site_key, "
                        + measures + " FROM checked GROUP BY GROUPING SETS ((site_key), ())"
                        + " ORDER BY GROUPING(site_key) DESC, 1"
                : checked + "SELECT 'ALL' AS site_key, " + measures + " FROM checked";
    }

    @Override
    public List<CheckOutcome> run(CheckContext context) {
        var statement = context.jdbc().sql(sql());
        for (Map.Entry<String, Object> p : parameters().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Tally> tallies = statement.query((rs, n) -> new Tally(rs.getString("site_key"), rs.getLong("total"),
                rs.getLong("offending"), strings(rs.getArray("sample")))).list();
        return tallies.stream().map(this::judge).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * The verdict for one site. {@code at-least} kinds measure the share of good rows, {@code at-most} kinds the
     * share of offending rows; with no rows to check there is nothing wrong.
     */
    CheckOutcome judge(Tally t) {
        CheckDefinition d = definition;
        if (t.total() == 0) {
            return new CheckOutcome(d, t.siteKey(), true, null, "no rows to check", 0L, 0L, List.of());
        }
        boolean atLeast = d.kind().direction() == CheckKind.Direction.AT_LEAST;
        double share = atLeast ? (double) (t.total() - t.offending()) / t.total() : (double) t.offending() / t.total();
        boolean passed = d.kind().passes(share, d.threshold());
        String message = atLeast
                ? String.format("%s of %d rows are fine (at least %s required); %d %s", Formats.percent(share),
                        t.total(), Formats.percent(d.threshold()), t.offending(), offendingWhat())
                : String.format("%d of %d rows (%s) are %s (at most %s allowed)", t.offending(), t.total(),
                        Formats.percent(share), offendingWhat(), Formats.percent(d.threshold()));
        return new CheckOutcome(d, t.siteKey(), passed, share, message, t.total(), t.offending(), t.sample());
    }

    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
