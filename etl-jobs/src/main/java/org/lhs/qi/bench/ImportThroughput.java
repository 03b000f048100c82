package org.lhs.qi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.ingest.synthea.SyntheaImporter;

/**
 * Import throughput of the foreign formats, each beside a raw COPY of the same bytes in the same run: FHIR Bulk
 * NDJSON (resources/s, MB/s; the yardstick COPYs each line as one text value) and Synthea CSV (rows/s; the
 * yardstick COPYs each file as text columns). Imports go to staging only, as the canonical ingest figure does.
 */
final class ImportThroughput {

    private ImportThroughput() {}

    /** NDJSON import of every file in {@code fhirDir} under run {@code runId}. */
    static List<Metric> fhir(int patients, DataSource dataSource, FhirImporter importer, Path fhirDir, long runId)
            throws Exception {
        List<Path> files = FhirImporter.files(fhirDir);
        List<RawCopy.FileCopy> copies = RawCopy.copyLines(dataSource, files);
        return measure(patients, "ingest.fhir", copies, files, (dir, run) -> importer.importFolder(dir, run), fhirDir, runId,
                "resources");
    }

    /** Synthea CSV import of the export in {@code dir} under run {@code runId}. */
    static List<Metric> synthea(int patients, DataSource dataSource, SyntheaImporter importer, Path dir, long runId)
            throws Exception {
        List<Path> files = SyntheaImporter.files(dir);
        List<RawCopy.FileCopy> copies = RawCopy.copyCsvAsText(dataSource, files);
        return measure(patients, "ingest.synthea", copies, files, (d, run) -> importer.importFolder(d, run), dir, runId,
                "rows");
    }

    private static List<Metric> measure(int patients, String prefix, List<RawCopy.FileCopy> copies, List<Path> files,
            BiFunction<Path, Long, List<FileIngestResult>> importFolder, Path dir, long runId, String unit) throws Exception {
        long started = System.nanoTime();
        List<FileIngestResult> results = importFolder.apply(dir, runId);
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        // records read = what the yardstick counted (one resource per NDJSON line, one row per CSV record)
        long records = copies.stream().mapToLong(RawCopy.FileCopy::rows).sum();
        double copySeconds = copies.stream().mapToDouble(RawCopy.FileCopy::seconds).sum();
        long staged = results.stream().mapToLong(FileIngestResult::rowsStaged).sum();
        Throughput t = new Throughput(prefix.substring("ingest.".length()), records, bytes, seconds, copySeconds);
        List<Metric> metrics = new ArrayList<>();
        for (Metric m : t.metrics(patients, prefix)) {
            // NDJSON counts resources, not rows
            metrics.add(m.name().endsWith(".rows") ? new Metric(patients, prefix + "." + unit, m.value(), unit)
                    : m.name().endsWith(".rows_per_s") ? new Metric(patients, prefix + "." + unit + "_per_s", m.value(), unit + "/s")
                    : m);
        }
        metrics.add(new Metric(patients, prefix + ".staged_rows", staged, "rows"));
        System.out.printf(java.util.Locale.ROOT, "bench: %s import %,d %s (%.1f MB) in %.2f s (%,.0f/s), raw COPY %.2f s, ratio %.2f%n",
                prefix, records, unit, bytes / 1048576.0, seconds, records / Math.max(seconds, 1e-9), copySeconds,
                t.ratioToCopy());
        return metrics;
    }
}
