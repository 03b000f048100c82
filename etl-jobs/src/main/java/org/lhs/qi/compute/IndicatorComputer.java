package org.lhs.qi.compute;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.lhs.qi.compile.CompiledIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one compiled indicator for every reporting period of a business date, replacing its member rows
 * for that date. PostgreSQL evaluates the whole population over all periods in one statement. Thread-safe:
 * concurrent calls for different indicators use separate connections of the data source.
 */
public class IndicatorComputer {

    private static final Logger log = LoggerFactory.getLogger(IndicatorComputer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public IndicatorComputer(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        // joins the caller's transaction (the tasklet's, one per indicator) or opens one: SET LOCAL needs it
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Returns the number of member rows written over all periods. */
    public long compute(CompiledIndicator indicator, LocalDate businessDate, long runId, List<ReportingPeriod> periods) {
        long started = System.nanoTime();
        List<CompiledIndicator.Period> bound = periods.stream()
                .map(p -> new CompiledIndicator.Period(p.kind(), p.start(), p.end())).toList();
        Long rows = transaction.execute(status -> {
            jdbc.sql("DELETE FROM qi.member WHERE business_date = :d AND indicator_id = :i")
                    .param("d", businessDate).param("i", indicator.indicatorId()).update();
            // Every join of the statement is between whole relations (subjects × periods, clinical rows), but the
            // planner multiplies the selectivities of the stacked criteria down to an estimate of ~1 row and then
            // picks nested loops that rescan one side per row: quadratic (254 s instead of 6.5 s for colorectal
            // screening at 10k patients). Hash and merge joins stay linear whatever the estimate.
            jdbc.sql("SET LOCAL enable_nestloop = off").update();
            return (long) jdbc.sql(indicator.sql()).params(indicator.bindings(businessDate, runId, bound)).update();
        });
        log.info("compute: {} — {} member rows over {} periods in {} ms", indicator.indicatorId(), rows,
                periods.size(), (System.nanoTime() - started) / 1_000_000);
        return rows;
    }
}
