package org.lhs.qi.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads what a scorecard needs from {@code qi.result}, {@code qi.indicator} and {@code qi.run}. */
public final class ScorecardRepository {

    private final JdbcClient jdbc;

    /** Repository on the given database. */
    public ScorecardRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The audience's rows (every stratifier) plus the overall rows needed for comparison: every site's
     * for the organisation report, the organisation's for a site report, and every site's twelve-month row (a
     * site report places the site in the funnel of all sites).
     */
    public ScorecardInputs load(LocalDate businessDate, String audience) {
        List<ResultRow> results = rows(businessDate, audience, "month");
        List<ResultRow> yearResults = rows(businessDate, audience, "12-months");
        return assemble(businessDate, results, yearResults);
    }

    private List<ResultRow> rows(LocalDate businessDate, String audience, String kind) {
        return jdbc.sql("""
                SELECT indicator_id, period_start, site_key, site_name, stratifier, stratum, numerator, denominator,
                       exposure, rate, ci_low, ci_high, suppressed, spc_centre, spc_lower, spc_upper,
                       spc_signals, spc_side, unstable, indicator_version, content_hash
                FROM qi.result
                WHERE business_date = :businessDate AND period_kind = :kind
                  AND (site_key = :audience
                       OR (stratifier = 'overall' AND (:audience = 'ALL' OR site_key = 'ALL' OR :kind = '12-months')))
                ORDER BY indicator_id, period_start, site_key, stratifier, stratum""")
                .param("businessDate", businessDate)
                .param("audience", audience)
                .param("kind", kind)
                .query((rs, i) -> new ResultRow(rs.getString("indicator_id"),
                        rs.getObject("period_start", LocalDate.class), rs.getString("site_key"),
                        rs.getString("site_name"), rs.getString("stratifier"), rs.getString("stratum"),
                        rs.getLong("numerator"), rs.getLong("denominator"), decimal(rs, "exposure"),
                        decimal(rs, "rate"), decimal(rs, "ci_low"), decimal(rs, "ci_high"),
                        rs.getBoolean("suppressed"), decimal(rs, "spc_centre"), decimal(rs, "spc_lower"),
                        decimal(rs, "spc_upper"), rs.getString("spc_signals"), rs.getString("spc_side"),
                        rs.getBoolean("unstable"), rs.getString("indicator_version"), rs.getString("content_hash")))
                .list();
    }

    private ScorecardInputs assemble(LocalDate businessDate, List<ResultRow> results, List<ResultRow> yearResults) {
        List<IndicatorInfo> indicators = jdbc.sql("""
                SELECT indicator_id, title, description, definition_text, domain, scoring, improvement, target, multiplier,
                       exposure
                FROM qi.indicator
                WHERE indicator_id IN (SELECT DISTINCT indicator_id FROM qi.result WHERE business_date = :businessDate)
                  AND scoring IN ('proportion', 'ratio')""")
                .param("businessDate", businessDate)
                .query((rs, i) -> new IndicatorInfo(rs.getString("indicator_id"), rs.getString("title"),
                        rs.getString("description"), rs.getString("definition_text"),
                        Domain.of(rs.getString("domain")), Scoring.of(rs.getString("scoring")),
                        Improvement.of(rs.getString("improvement")), decimal(rs, "target"), decimal(rs, "multiplier"),
                        rs.getString("exposure")))
                .list();
        var run = jdbc.sql("""
                SELECT run_id, status FROM qi.run WHERE business_date = :businessDate
                ORDER BY started_at DESC, run_id DESC LIMIT 1""")
                .param("businessDate", businessDate)
                .query((rs, i) -> new RunInfo(rs.getLong("run_id"), rs.getString("status")))
                .optional();
        return new ScorecardInputs(businessDate, indicators, results, yearResults, run);
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
