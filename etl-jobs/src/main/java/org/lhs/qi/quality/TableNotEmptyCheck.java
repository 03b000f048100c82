package org.lhs.qi.quality;

import java.util.List;

/** {@code table-not-empty}: the table (per site, optionally) holds at least {@code threshold} rows. */
final class TableNotEmptyCheck implements DataQualityCheck {

    private final CheckDefinition definition;

    TableNotEmptyCheck(CheckDefinition definition) {
        if (definition.table() == null) {
            throw new IllegalArgumentException("table-not-empty needs a table");
        }
        this.definition = definition;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    String sql() {
        String rows = "WITH r AS (SELECT COALESCE(s.source_id, 'unknown') AS site_key FROM "
                + definition.table().fromWithSite() + ")\n";
        return definition.perSite()
                ? rows + "SELECT CASE WHEN GROUPING(site_key) = 1 THEN 'ALL' ELSE site_key END AS site_key, count(*) AS n"
                        + " FROM r GROUP BY GROUPING SETS ((site_key), ()) ORDER BY GROUPING(site_key) DESC, 1"
                : rows + "SELECT 'ALL' AS site_key, count(*) AS n FROM r";
    }

    @Override
    public List<CheckOutcome> run(CheckContext context) {
        return context.jdbc().sql(sql()).query((rs, n) -> judge(rs.getString("site_key"), rs.getLong("n"))).list();
    }

    CheckOutcome judge(String siteKey, long rows) {
        boolean passed = definition.kind().passes(rows, definition.threshold());
        return new CheckOutcome(definition, siteKey, passed, (double) rows, rows + " row(s) in "
                + definition.table().tableName() + " (at least " + Formats.number(definition.threshold()) + " required)",
                rows, null, List.of());
    }
}
