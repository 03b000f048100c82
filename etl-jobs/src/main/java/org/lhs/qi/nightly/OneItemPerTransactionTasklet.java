package org.lhs.qi.nightly;

import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A tasklet that works through a list (files, tables, indicators, audiences) one item per call. Spring Batch
 * runs each call in its own transaction and saves the position in the step's execution context after the
 * commit, so a run that dies is restarted at the first item whose work was not committed.
 */
abstract class OneItemPerTransactionTasklet<T> implements Tasklet {

    private List<T> items;

    /** The work list; called once per step execution. */
    protected abstract List<T> items(NightlyParameters parameters, StepExecution step);

    /** Does the work of one item inside the step's transaction. */
    protected abstract void process(T item, NightlyParameters parameters, StepExecution step);

    /** Called after the last item, in the same transaction as the last call. */
    protected void afterAll(NightlyParameters parameters, StepExecution step) {
    }

    /** A short name of an item for its timing entry (file name, indicator id, audience); null = the item times itself. */
    protected String label(T item) {
        return String.valueOf(item);
    }

    /** Prefix of the per-item wall-clock milliseconds kept in the step's execution context (read by the benchmark). */
    public static final String ITEM_MILLIS_PREFIX = "item.ms.";

    /** Key of the position in the execution context; distinct per subclass. */
    private String positionKey() {
        return getClass().getSimpleName() + ".next";
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        NightlyParameters parameters = NightlyParameters.from(step.getJobExecution().getJobParameters());
        if (items == null) {
            items = List.copyOf(items(parameters, step));
        }
        ExecutionContext context = step.getExecutionContext();
        int next = context.getInt(positionKey(), 0);
        if (next < items.size()) {
            long started = System.nanoTime();
            process(items.get(next), parameters, step);
            // saved with the position after the commit: costs one map entry per item, lets runs be compared
            String label = label(items.get(next));
            if (label != null) {
                context.putLong(ITEM_MILLIS_PREFIX + label, (System.nanoTime() - started) / 1_000_000);
            }
            next++;
            context.putInt(positionKey(), next);
        }
        if (next >= items.size()) {
            afterAll(parameters, step);
            return RepeatStatus.FINISHED;
        }
        return RepeatStatus.CONTINUABLE;
    }
}
