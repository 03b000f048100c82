package org.lhs.qi.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Streams the result cells of one audience (the organisation: every site and ALL; a site: its own cells) in a
 * stable order: indicator, period, site, the overall cell first, then stratifier and stratum.
 */
public final class ExportRepository {

    private final JdbcClient jdbc;

    /** Repository on the given database. */
    public ExportRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Hands every row of the audience to {@code sink}, without holding them all in memory. */
    public void forEach(LocalDate businessDate, String audience, Consumer<ExportRow> sink) {
        try (Stream<ExportRow> rows = jdbc.sql("""
                SELECT r.indicator_id, i.version, i.title, i.scoring, i.improvement, i.multiplier, r.period_kind,
                       r.period_start, r.period_end, r.site_key, r.site_name, r.stratifier, r.stratum, r.numerator,
                       r.denominator, r.exposure, r.rate, r.ci_low, r.ci_high, r.ci_method, r.suppressed, r.unstable, r.rse
                FROM qi.result r JOIN qi.indicator i ON i.indicator_id = r.indicator_id
                WHERE r.business_date = :d AND r.period_kind IN ('month', '12-months')
                  AND (:audience = 'ALL' OR r.site_key = :audience)
                ORDER BY r.indicator_id, r.period_kind, r.period_start, r.site_key = 'ALL' DESC, r.site_key,
                         r.stratifier <> 'overall', r.stratifier, r.stratum""")
                .param("d", businessDate).param("audience", audience)
                .query(ExportRepository::row).stream()) {
            rows.forEach(sink);
        }
    }

    private static ExportRow row(ResultSet rs, int n) throws SQLException {
        boolean suppressed = rs.getBoolean("suppressed");
        return new ExportRow(rs.getString("indicator_id"), rs.getString("version"), rs.getString("title"),
                rs.getString("scoring"), rs.getString("improvement"), rs.getBigDecimal("multiplier"),
                rs.getString("period_kind"), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class), rs.getString("site_key"), rs.getString("site_name"),
                rs.getString("stratifier"), rs.getString("stratum"),
                // a suppressed cell's counts stay in the database: they are never read out for publication
                suppressed ? null : rs.getLong("numerator"), suppressed ? null : rs.getLong("denominator"),
                suppressed ? null : rs.getBigDecimal("exposure"), suppressed ? null : rs.getBigDecimal("rate"),
                suppressed ? null : rs.getBigDecimal("ci_low"), suppressed ? null : rs.getBigDecimal("ci_high"),
                suppressed ? null : rs.getString("ci_method"), suppressed, !suppressed && rs.getBoolean("unstable"),
                suppressed ? null : rs.getBigDecimal("rse"));
    }
}
