package org.lhs.qi.summarise;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates the measure observations of a continuous-variable indicator per result cell. The observations
 * are streamed cell by cell (ordered by cell), so memory holds the values of one cell at a time, never all of
 * them: medians need the values, not just sums.
 */
final class ObservationAggregator {

    private final JdbcClient jdbc;

    ObservationAggregator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Aggregate by {@link CellCounts#key()} of every cell with at least one observation. */
    Map<String, ContinuousAggregate> aggregate(LocalDate businessDate, String indicatorId, String method) {
        Map<String, ContinuousAggregate> out = new HashMap<>();
        Cell current = new Cell();
        jdbc.sql(SQL.formatted(ResultSummariser.strataValues()))
                .param("businessDate", businessDate)
                .param("indicatorId", indicatorId)
                .param("allSites", ResultSummariser.ALL_SITES)
                .query(rs -> {
                    String key = rs.getString(1) + "|" + rs.getObject(2, LocalDate.class) + "|" + rs.getString(3) + "|"
                            + rs.getString(4) + "|" + rs.getString(5);
                    if (!key.equals(current.key)) {
                        current.flush(out, method);
                        current.key = key;
                    }
                    current.add(rs.getDouble(6));
                });
        current.flush(out, method);
        return out;
    }

    /** The values of the cell being read. */
    private static final class Cell {
        String key;
        double[] values = new double[64];
        int n;

        void add(double v) {
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        void flush(Map<String, ContinuousAggregate> out, String method) {
            if (key != null && n > 0) {
                out.put(key, ContinuousAggregate.of(method, java.util.Arrays.copyOf(values, n)));
            }
            n = 0;
        }
    }

    private static final String SQL = """
            WITH m AS (
                SELECT m.*, coalesce(s.source_id, 'unattributed') AS site_key
                FROM qi.member m LEFT JOIN ehr.site s ON s.id = m.site_id
                WHERE m.business_date = :businessDate AND m.indicator_id = :indicatorId
                  AND m.denominator AND NOT m.denominator_exclusion AND m.observation_value IS NOT NULL
            ), strata AS (
                SELECT m.period_kind, m.period_start, m.site_key, m.observation_value, x.stratifier, x.stratum
                FROM m CROSS JOIN LATERAL (VALUES ('overall', 'all'),
                   %s) AS x (stratifier, stratum)
            ), cells AS (
                SELECT period_kind, period_start, site_key, stratifier, stratum, observation_value FROM strata
                UNION ALL
                SELECT period_kind, period_start, :allSites, stratifier, stratum, observation_value FROM strata
            )
            SELECT period_kind, period_start, site_key, stratifier, stratum, observation_value
            FROM cells
            ORDER BY period_kind, period_start, site_key, stratifier, stratum
            """;
}
