package org.lhs.qi.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads {@code qi.dq_result} of the latest run of a business date that wrote any. */
public final class JdbcDataQualityFindings implements DataQualityFindings {

    private final JdbcClient jdbc;

    /** Reader on the given database. */
    public JdbcDataQualityFindings(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<DataQualityFinding> findings(LocalDate businessDate) {
        return jdbc.sql("""
                SELECT check_id, description, kind, severity, table_name, site_key, passed, observed, threshold, message
                FROM qi.dq_result
                WHERE business_date = :d
                  AND run_id = (SELECT max(run_id) FROM qi.dq_result WHERE business_date = :d)
                ORDER BY check_id, table_name, site_key""")
                .param("d", businessDate)
                .query((rs, i) -> new DataQualityFinding(rs.getString("check_id"), rs.getString("description"),
                        rs.getString("kind"), rs.getString("severity"), rs.getString("table_name"),
                        rs.getString("site_key"), rs.getBoolean("passed"), decimal(rs, "observed"),
                        decimal(rs, "threshold"), rs.getString("message")))
                .list();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
