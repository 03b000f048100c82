package org.lhs.qi.nightly;

import java.util.List;
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

/**
 * {@code computeIndicatorsStep}: loads and checks the definitions, registers them and their value sets, then
 * computes one indicator per transaction for every reporting period.
 */
class ComputeIndicatorsTasklet extends OneItemPerTransactionTasklet<IndicatorDefinition> {

    private final DataSource dataSource;
    private final DefinitionsLoader definitions;
    private final IndicatorComputer computer;
    private final QiProperties properties;
    private final IndicatorCompiler compiler = new IndicatorCompiler();

    ComputeIndicatorsTasklet(DataSource dataSource, DefinitionsLoader definitions, IndicatorComputer computer,
            QiProperties properties) {
        this.dataSource = dataSource;
        this.definitions = definitions;
        this.computer = computer;
        this.properties = properties;
    }

    @Override
    protected List<IndicatorDefinition> items(NightlyParameters parameters, StepExecution step) {
        DefinitionsLoader.Loaded loaded = definitions.load(parameters.definitionsDir());
        new IndicatorRegistry(dataSource).register(loaded.set().indicators(), parameters.businessDate());
        ValueSetLoader.load(dataSource, loaded.set().valueSets());
        JdbcClient.create(dataSource).sql("UPDATE qi.run SET definitions_hash = :h WHERE run_id = :r")
                .param("h", loaded.hash()).param("r", step.getJobExecutionId()).update();
        return loaded.set().indicators();
    }

    /** The monthly trend periods, plus the twelve months before the business date for equity and site comparison. */
    private List<org.lhs.qi.compute.ReportingPeriod> periods(NightlyParameters parameters) {
        List<org.lhs.qi.compute.ReportingPeriod> periods = new java.util.ArrayList<>(
                ReportingPeriods.monthsBefore(parameters.businessDate(), properties.periods()));
        periods.add(ReportingPeriods.yearBefore(parameters.businessDate()));
        return periods;
    }

    @Override
    protected String label(IndicatorDefinition definition) {
        return definition.id();
    }

    @Override
    protected void process(IndicatorDefinition definition, NightlyParameters parameters, StepExecution step) {
        long rows = computer.compute(compiler.compile(definition), parameters.businessDate(),
                step.getJobExecutionId(), periods(parameters));
        step.setWriteCount(step.getWriteCount() + rows);
    }
}
