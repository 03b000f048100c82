package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.util.List;
import org.lhs.qi.ingest.ExtractFormat;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.ingest.synthea.SyntheaImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code ingestExtractStep}: stages each file of the extract folder, one file per transaction. The format is
 * the job parameter {@code extractFormat} when forced, else detected from the folder: a Synthea export (a
 * {@code patients.csv} with Synthea's header), the canonical CSV, or else FHIR ({@code *.ndjson} Bulk Data
 * files or {@code *.json} resources/Bundles). See {@link ExtractFormat}.
 */
class IngestExtractTasklet extends OneItemPerTransactionTasklet<Path> {

    private static final Logger log = LoggerFactory.getLogger(IngestExtractTasklet.class);

    private final ExtractFileIngester ingester;
    private final SyntheaImporter synthea;
    private final FhirImporter fhir;
    private ExtractFormat format = ExtractFormat.AUTO;

    IngestExtractTasklet(ExtractFileIngester ingester, SyntheaImporter synthea, FhirImporter fhir) {
        this.ingester = ingester;
        this.synthea = synthea;
        this.fhir = fhir;
    }

    @Override
    protected List<Path> items(NightlyParameters parameters, StepExecution step) {
        format = parameters.extractFormat().resolve(parameters.extractDir());
        List<Path> files = format.files(parameters.extractDir());
        log.info("ingest: {} extract{}, {} file(s) in {}", format.id(),
                parameters.extractFormat() == ExtractFormat.AUTO ? " (detected)" : " (forced)", files.size(),
                parameters.extractDir());
        return files;
    }

    @Override
    protected String label(Path file) {
        return file.getFileName().toString();
    }

    @Override
    protected void process(Path file, NightlyParameters parameters, StepExecution step) {
        FileIngestResult result = switch (format) {
            case FHIR -> fhir.importFile(file, step.getJobExecutionId());
            case SYNTHEA -> synthea.importFile(file, step.getJobExecutionId());
            case CANONICAL, AUTO -> ingester.ingest(file, step.getJobExecutionId());
        };
        if (result.skippedUnchanged()) {
            return; // loaded by an earlier run: its counts belong to that run
        }
        step.setReadCount(step.getReadCount() + result.rowsRead());
        step.setWriteCount(step.getWriteCount() + result.rowsStaged());
        step.setReadSkipCount(step.getReadSkipCount() + result.rowsQuarantined());
        step.setFilterCount(step.getFilterCount() + result.rowsSkipped());
    }
}
