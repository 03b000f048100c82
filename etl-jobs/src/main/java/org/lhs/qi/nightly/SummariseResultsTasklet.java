package org.lhs.qi.nightly;

import java.util.List;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.summarise.ResultSummariser;
import org.springframework.batch.core.step.StepExecution;

/** {@code summariseResultsStep}: aggregates each indicator's members into {@code qi.result}, one per transaction. */
class SummariseResultsTasklet extends OneItemPerTransactionTasklet<String> {

    private final DefinitionsLoader definitions;
    private final ResultSummariser summariser;

    SummariseResultsTasklet(DefinitionsLoader definitions, ResultSummariser summariser) {
        this.definitions = definitions;
        this.summariser = summariser;
    }

    @Override
    protected List<String> items(NightlyParameters parameters, StepExecution step) {
        return definitions.load(parameters.definitionsDir()).set().indicators().stream()
                .map(IndicatorDefinition::id).toList();
    }

    @Override
    protected void process(String indicatorId, NightlyParameters parameters, StepExecution step) {
        int cells = summariser.summarise(parameters.businessDate(), indicatorId, step.getJobExecutionId());
        step.setWriteCount(step.getWriteCount() + cells);
    }
}
