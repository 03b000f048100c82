package org.lhs.qi.nightly;

import java.util.List;
import org.lhs.qi.warehouse.TableLoadResult;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code normaliseWarehouseStep}: upserts staging into the warehouse, one table per transaction (each table is
 * ANALYZEd in its own transaction right after its load, so the data-quality checks and the indicators are planned
 * with its real size), then applies deletions and ANALYZEs again only when they removed rows.
 */
class NormaliseWarehouseTasklet extends OneItemPerTransactionTasklet<String> {

    private final WarehouseNormaliser normaliser;
    private long deleted;

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
            deleted = normaliser.applyDeletions(step.getJobExecutionId());
            step.setWriteCount(step.getWriteCount() + deleted);
            return;
        }
        TableLoadResult result = normaliser.normaliseTable(table, step.getJobExecutionId());
        step.setReadCount(step.getReadCount() + result.rowsLoaded() + result.rowsQuarantined());
        step.setWriteCount(step.getWriteCount() + result.rowsInserted() + result.rowsUpdated());
        step.setReadSkipCount(step.getReadSkipCount() + result.rowsQuarantined());
    }

    @Override
    protected void afterAll(NightlyParameters parameters, StepExecution step) {
        // the deletions are the last item, so this runs in their transaction; re-analyzing every table when nothing
        // was deleted only repeated the per-table ANALYZE of the loads
        if (deleted > 0) {
            normaliser.analyze();
        }
    }
}
