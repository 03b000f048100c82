package org.lhs.qi.quality;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code freshness}: days between the latest event of a table (up to the business date; future-dated rows would
 * hide a stale feed) and the business date, per site and overall.
 */
final class FreshnessCheck implements DataQualityCheck {

    private final CheckDefinition definition;

    FreshnessCheck(CheckDefinition definition) {
        if (definition.table() == null || definition.table().eventTime().isEmpty()) {
            throw new IllegalArgumentException("freshness needs a table with an event time");
        }
        this.definition = definition;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    String sql() {
        DqTable t = definition.table();
        String events = "WITH ev AS (SELECT COALESCE(s.source_id, 'unknown') AS site_key, t." + t.eventTime().orElseThrow()
                + " AS at FROM " + t.fromWithSite() + " WHERE t." + t.eventTime().orElseThrow()
                + " < CAST(:business_date AS date) + 1)\n";
        String measures = "count(*) AS total, max(at)::date AS latest";
        return definition.perSite()
                ? events + "SELECT CASE WHEN GROUPING(site_key) = 1 THEN 'ALL' ELSE site_key END AS site_key, " + measures
                        + " FROM ev GROUP BY GROUPING SETS ((site_key), ()) ORDER BY GROUPING(site_key) DESC, 1"
                : events + "SELECT 'ALL' AS site_key, " + measures + " FROM ev";
    }

    @Override
    public List<CheckOutcome> run(CheckContext context) {
        return context.jdbc().sql(sql()).param("business_date", context.businessDate())
                .query((rs, n) -> judge(rs.getString("site_key"), rs.getLong("total"),
                        rs.getObject("latest", LocalDate.class), context.businessDate()))
                .list();
    }

    CheckOutcome judge(String siteKey, long total, LocalDate latest, LocalDate businessDate) {
        if (latest == null) {
            return new CheckOutcome(definition, siteKey, false, null, "no events in " + definition.table().tableName()
                    + " up to the business date", total, null, List.of());
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(latest, businessDate);
        boolean passed = definition.kind().passes(days, definition.threshold());
        return new CheckOutcome(definition, siteKey, passed, (double) days, "latest event " + latest + " is " + days
                + " day(s) before the business date (at most " + Formats.number(definition.threshold()) + " allowed)",
                total, null, List.of());
    }
}
