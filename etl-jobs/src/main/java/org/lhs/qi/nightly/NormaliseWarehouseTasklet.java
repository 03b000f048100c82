package org.lhs.qi.nightly;

import java.util.List;
import org.lhs.qi.warehouse.TableLoadResult;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.batch.core.step.StepExecution;

/** {@code normaliseWarehouseStep}: upserts staging into the warehouse, one table per transaction, applies deletions, then ANALYZE. */
class NormaliseWarehouseTasklet extends OneItemPerTransactionTasklet<String> {

    private final WarehouseNormaliser normaliser;

    NormaliseWarehouseTasklet(WarehouseNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    @Override
    protected List<String> items(NightlyParameters parameters, StepExecution step) {
        // upserts parent tables first, then the deletions of incremental extracts children first
        List<String> items = new java.util.ArrayList<>(WarehouseNormaliser.tables());
        items.add(WarehouseNormaliser.DELETIONS);
        return items;
    }

    @Override
    protected void process(String table, NightlyParameters parameters, StepExecution step) {
        if (WarehouseNormaliser.DELETIONS.equals(table)) {
            step.setWriteCount(step.getWriteCount() + normaliser.applyDeletions(step.getJobExecutionId()));
            return;
        }
        TableLoadResult result = normaliser.normaliseTable(table, step.getJobExecutionId());
        step.setReadCount(step.getReadCount() + result.rowsLoaded() + result.rowsQuarantined());
        step.setWriteCount(step.getWriteCount() + result.rowsInserted() + result.rowsUpdated());
        step.setReadSkipCount(step.getReadSkipCount() + result.rowsQuarantined());
    }

    @Override
    protected void afterAll(NightlyParameters parameters, StepExecution step) {
        normaliser.analyze();
    }
}
