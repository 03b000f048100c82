package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.util.List;
import org.lhs.qi.ingest.ExtractDirectory;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.FileIngestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;

/** {@code ingestExtractStep}: stages each canonical CSV file of the extract folder, one file per transaction. */
class IngestExtractTasklet extends OneItemPerTransactionTasklet<Path> {

    private static final Logger log = LoggerFactory.getLogger(IngestExtractTasklet.class);

    private final ExtractFileIngester ingester;

    IngestExtractTasklet(ExtractFileIngester ingester) {
        this.ingester = ingester;
    }

    @Override
    protected List<Path> items(NightlyParameters parameters, StepExecution step) {
        List<Path> files = ExtractDirectory.canonicalFiles(parameters.extractDir());
        if (files.isEmpty()) {
            throw new IllegalStateException("the extract folder " + parameters.extractDir()
                    + " holds no canonical CSV file (site.csv, patient.csv, encounter.csv, …)");
        }
        log.info("ingest: {} file(s) in {}", files.size(), parameters.extractDir());
        return files;
    }

    @Override
    protected String label(Path file) {
        return file.getFileName().toString();
    }

    @Override
    protected void process(Path file, NightlyParameters parameters, StepExecution step) {
        FileIngestResult result = ingester.ingest(file, step.getJobExecutionId());
        if (result.skippedUnchanged()) {
            return; // loaded by an earlier run: its counts belong to that run
        }
        step.setReadCount(step.getReadCount() + result.rowsRead());
        step.setWriteCount(step.getWriteCount() + result.rowsStaged());
        step.setReadSkipCount(step.getReadSkipCount() + result.rowsQuarantined());
    }
}
