package org.lhs.qi.nightly;

import java.util.List;
import org.lhs.qi.quality.CheckDefinition;
import org.lhs.qi.quality.DataQualityFailedException;
import org.lhs.qi.quality.DataQualityGate;
import org.lhs.qi.quality.GateResult;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code checkDataQualityStep}: runs the data-quality checks of the run's check folder over the freshly loaded
 * warehouse and fails the step — before anything is computed or published — when a critical check fails. The
 * findings are committed in a transaction of their own, so they stay in {@code qi.dq_result} when the step fails.
 */
class CheckDataQualityTasklet implements Tasklet {

    private final DataQualityGate gate;
    private final TransactionTemplate ownTransaction;

    CheckDataQualityTasklet(DataQualityGate gate, PlatformTransactionManager transactionManager) {
        this.gate = gate;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        NightlyParameters parameters = NightlyParameters.from(step.getJobExecution().getJobParameters());
        List<CheckDefinition> checks = DataQualityGate.load(parameters.dataQualityDir());
        GateResult result = ownTransaction.execute(
                status -> gate.run(checks, step.getJobExecutionId(), parameters.businessDate(), parameters.extractDir()));
        step.setReadCount(result.outcomes().size());
        step.setFilterCount(result.failed());
        if (result.criticalFailed()) {
            throw new DataQualityFailedException(result);
        }
        return RepeatStatus.FINISHED;
    }
}
