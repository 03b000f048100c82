package org.lhs.qi.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.lhs.qi.compile.IndicatorCompiler;
import org.lhs.qi.compute.IndicatorComputer;
import org.lhs.qi.compute.IndicatorRegistry;
import org.lhs.qi.compute.ReportingPeriods;
import org.lhs.qi.config.QiProperties;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.definition.ValueSetLoader;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code computeIndicatorsStep}: loads and checks the definitions, registers them and their value sets, then
 * computes the indicators for every reporting period, {@code threads} at a time. Each indicator is one transaction
 * on its own connection (done or not); the step's position advances per group after all of the group committed, so
 * a restart recomputes at most the group that was running, and recomputing replaces an indicator's rows.
 */
class ComputeIndicatorsTasklet extends OneItemPerTransactionTasklet<List<IndicatorDefinition>> {

    private final DataSource dataSource;
    private final DefinitionsLoader definitions;
    private final IndicatorComputer computer;
    private final QiProperties properties;
    private final PlatformTransactionManager transactions;
    private final int threads;
    private final IndicatorCompiler compiler = new IndicatorCompiler();

    ComputeIndicatorsTasklet(DataSource dataSource, DefinitionsLoader definitions, IndicatorComputer computer,
            QiProperties properties, PlatformTransactionManager transactions, int threads) {
        this.dataSource = dataSource;
        this.definitions = definitions;
        this.computer = computer;
        this.properties = properties;
        this.transactions = transactions;
        this.threads = Math.max(1, threads);
    }

    @Override
    protected List<List<IndicatorDefinition>> items(NightlyParameters parameters, StepExecution step) {
        DefinitionsLoader.Loaded loaded = definitions.load(parameters.definitionsDir());
        // committed before any indicator runs: the indicators of a group run on other connections, which would not
        // see value sets loaded in this (first item's) transaction — on a new database they would find no codes
        TransactionTemplate setup = new TransactionTemplate(transactions);
        setup.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        setup.executeWithoutResult(status -> {
            new IndicatorRegistry(dataSource).register(loaded.set().indicators(), parameters.businessDate());
            ValueSetLoader.load(dataSource, loaded.set().valueSets());
        });
        JdbcClient.create(dataSource).sql("UPDATE qi.run SET definitions_hash = :h WHERE run_id = :r")
                .param("h", loaded.hash()).param("r", step.getJobExecutionId()).update();
        // fixed groups in definition order: a restart sees the same groups at the same positions
        List<IndicatorDefinition> all = loaded.set().indicators();
        List<List<IndicatorDefinition>> groups = new ArrayList<>();
        for (int i = 0; i < all.size(); i += threads) {
            groups.add(List.copyOf(all.subList(i, Math.min(all.size(), i + threads))));
        }
        return groups;
    }

    /** The monthly trend periods, plus the twelve months before the business date for equity and site comparison. */
    private List<org.lhs.qi.compute.ReportingPeriod> periods(NightlyParameters parameters) {
        List<org.lhs.qi.compute.ReportingPeriod> periods = new ArrayList<>(
                ReportingPeriods.monthsBefore(parameters.businessDate(), properties.periods()));
        periods.add(ReportingPeriods.yearBefore(parameters.businessDate()));
        return periods;
    }

    @Override
    protected String label(List<IndicatorDefinition> group) {
        return null; // each indicator records its own time (below): the benchmark reads them per indicator
    }

    @Override
    protected void process(List<IndicatorDefinition> group, NightlyParameters parameters, StepExecution step) {
        if (group.size() == 1) {
            // one at a time: in the step's own transaction, as a single indicator always was
            long started = System.nanoTime();
            long rows = compute(group.getFirst(), parameters, step);
            record(step, group.getFirst(), started, rows);
            return;
        }
        TransactionTemplate perIndicator = new TransactionTemplate(transactions);
        try (ExecutorService pool = Executors.newFixedThreadPool(group.size(), r -> {
            Thread t = new Thread(r, "compute-" + step.getJobExecutionId());
            t.setDaemon(true);
            return t;
        })) {
            List<Future<long[]>> running = new ArrayList<>();
            for (IndicatorDefinition definition : group) {
                running.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    Long rows = perIndicator.execute(status -> compute(definition, parameters, step));
                    return new long[] {started, rows == null ? 0 : rows};
                }));
            }
            RuntimeException failure = null;
            for (int i = 0; i < group.size(); i++) {
                try {
                    long[] done = running.get(i).get();
                    record(step, group.get(i), done[0], done[1]);
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException("computing " + group.get(i).id() + " failed", e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while computing " + group.get(i).id(), e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private long compute(IndicatorDefinition definition, NightlyParameters parameters, StepExecution step) {
        return computer.compute(compiler.compile(definition), parameters.businessDate(), step.getJobExecutionId(),
                periods(parameters));
    }

    private static void record(StepExecution step, IndicatorDefinition definition, long startedNanos, long rows) {
        step.setWriteCount(step.getWriteCount() + rows);
        step.getExecutionContext().putLong(ITEM_MILLIS_PREFIX + definition.id(), (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
