package org.lhs.qi.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the continuous-variable indicators (e.g. median ED length of stay) with results on a business date. */
public final class ContinuousIndicators {

    private final JdbcClient jdbc;

    /** Reader on the given database. */
    public ContinuousIndicators(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The continuous-variable indicators with results on the business date. */
    public List<ContinuousIndicator> load(LocalDate businessDate) {
        return jdbc.sql("""
                SELECT indicator_id, title, description, definition_text, domain, basis, improvement, target,
                       aggregate_method, observation_unit
                FROM qi.indicator
                WHERE indicator_id IN (SELECT DISTINCT indicator_id FROM qi.result WHERE business_date = :businessDate)
                  AND scoring = 'continuous-variable'
                ORDER BY indicator_id""")
                .param("businessDate", businessDate)
                .query((rs, i) -> {
                    BigDecimal target = rs.getBigDecimal("target");
                    return new ContinuousIndicator(rs.getString("indicator_id"), rs.getString("title"),
                            rs.getString("description"), rs.getString("definition_text"),
                            Domain.of(rs.getString("domain")), rs.getString("basis"),
                            Improvement.of(rs.getString("improvement")), target == null ? null : target.doubleValue(),
                            rs.getString("aggregate_method"), rs.getString("observation_unit"));
                })
                .list();
    }
}
