package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.util.List;
import org.lhs.qi.ingest.ExtractDirectory;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.ingest.synthea.SyntheaImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code ingestExtractStep}: stages each file of the extract folder, one file per transaction. The format is
 * detected from the folder: a Synthea export (a {@code patients.csv} with Synthea's header), the canonical CSV,
 * or else FHIR ({@code *.ndjson} Bulk Data files or {@code *.json} resources/Bundles).
 */
class IngestExtractTasklet extends OneItemPerTransactionTasklet<Path> {

    private static final Logger log = LoggerFactory.getLogger(IngestExtractTasklet.class);

    private final ExtractFileIngester ingester;
    private final SyntheaImporter synthea;
    private final FhirImporter fhir;

    IngestExtractTasklet(ExtractFileIngester ingester, SyntheaImporter synthea, FhirImporter fhir) {
        this.ingester = ingester;
        this.synthea = synthea;
        this.fhir = fhir;
    }

    @Override
    protected List<Path> items(NightlyParameters parameters, StepExecution step) {
        if (SyntheaImporter.isSyntheaExport(parameters.extractDir())) {
            List<Path> files = SyntheaImporter.files(parameters.extractDir());
            log.info("ingest: Synthea export, {} file(s) in {}", files.size(), parameters.extractDir());
            return files;
        }
        List<Path> files = ExtractDirectory.canonicalFiles(parameters.extractDir());
        if (files.isEmpty() && FhirImporter.isFhirExport(parameters.extractDir())) {
            files = FhirImporter.files(parameters.extractDir());
            log.info("ingest: FHIR, {} file(s) in {}", files.size(), parameters.extractDir());
            return files;
        }
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
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        FileIngestResult result = name.endsWith(".ndjson") || name.endsWith(".json")
                ? fhir.importFile(file, step.getJobExecutionId())
                : SyntheaImporter.isSyntheaExport(file.getParent())
                ? synthea.importFile(file, step.getJobExecutionId())
                : ingester.ingest(file, step.getJobExecutionId());
        if (result.skippedUnchanged()) {
            return; // loaded by an earlier run: its counts belong to that run
        }
        step.setReadCount(step.getReadCount() + result.rowsRead());
        step.setWriteCount(step.getWriteCount() + result.rowsStaged());
        step.setReadSkipCount(step.getReadSkipCount() + result.rowsQuarantined());
        step.setFilterCount(step.getFilterCount() + result.rowsSkipped());
    }
}
