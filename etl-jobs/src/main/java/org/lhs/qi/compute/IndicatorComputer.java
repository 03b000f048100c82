package org.lhs.qi.compute;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.lhs.qi.compile.CompiledIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one compiled indicator for every reporting period of a business date, replacing its member rows
 * for that date. PostgreSQL evaluates the whole population per period in one statement.
 */
public class IndicatorComputer {

    private static final Logger log = LoggerFactory.getLogger(IndicatorComputer.class);

    private final JdbcClient jdbc;

    public IndicatorComputer(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Returns the number of member rows written over all periods. */
    public long compute(CompiledIndicator indicator, LocalDate businessDate, long runId, List<ReportingPeriod> periods) {
        long started = System.nanoTime();
        jdbc.sql("DELETE FROM qi.member WHERE business_date = :d AND indicator_id = :i")
                .param("d", businessDate).param("i", indicator.indicatorId()).update();
        long rows = 0;
        for (ReportingPeriod period : periods) {
            Map<String, Object> parameters = new HashMap<>(indicator.parameters());
            parameters.put("business_date", businessDate);
            parameters.put("run_id", runId);
            parameters.put("period_kind", period.kind());
            parameters.put("period_start", period.start());
            parameters.put("period_end", period.end());
            rows += jdbc.sql(indicator.sql()).params(parameters).update();
        }
        log.info("compute: {} — {} member rows over {} periods in {} ms", indicator.indicatorId(), rows,
                periods.size(), (System.nanoTime() - started) / 1_000_000);
        return rows;
    }
}
