package org.lhs.qi.nightly;

import java.util.List;
import org.lhs.qi.warehouse.TableLoadResult;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.batch.core.step.StepExecution;

/** {@code normaliseWarehouseStep}: upserts staging into the warehouse, one table per transaction, then ANALYZE. */
class NormaliseWarehouseTasklet extends OneItemPerTransactionTasklet<String> {

    private final WarehouseNormaliser normaliser;

    NormaliseWarehouseTasklet(WarehouseNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    @Override
    protected List<String> items(NightlyParameters parameters, StepExecution step) {
        return WarehouseNormaliser.tables();
    }

    @Override
    protected void process(String table, NightlyParameters parameters, StepExecution step) {
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
