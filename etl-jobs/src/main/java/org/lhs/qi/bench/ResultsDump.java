package org.lhs.qi.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes the published results ({@code qi.result}) of a run as sorted CSV, without the run-specific columns, so two
 * runs of the same extract (e.g. before and after a tuning change) can be compared byte for byte.
 */
final class ResultsDump {

    private static final String SQL = """
            COPY (SELECT business_date, indicator_id, period_start, period_end, site_key, site_name, stratifier, stratum,
                         initial_population, denominator, denominator_exclusion, denominator_exception, numerator,
                         numerator_exclusion, exposure, rate, ci_low, ci_high, ci_method, suppressed, suppression_reason,
                         target, meets_target, indicator_version, content_hash,
                         spc_chart, spc_centre, spc_lower, spc_upper, spc_signals, spc_side
                  FROM qi.result
                  ORDER BY business_date, indicator_id, period_start, period_end, site_key, stratifier, stratum)
            TO STDOUT (FORMAT csv, HEADER true)""";

    private ResultsDump() {}

    /** Writes the results CSV to {@code file}; returns the number of rows. */
    static long write(DataSource dataSource, Path file) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Connection c = dataSource.getConnection(); OutputStream out = Files.newOutputStream(file)) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyOut(SQL, out);
        }
    }
}
