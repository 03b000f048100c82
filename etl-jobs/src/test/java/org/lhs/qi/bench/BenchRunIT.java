package org.lhs.qi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke run of the benchmark on a tiny health system: every figure the report promises is there and consistent.
 * Deliberately asserts no duration: performance lives in {@code bench/run.sh}, never in tests.
 */
class BenchRunIT {

    private static final Path DEFINITIONS = Path.of("../indicator-definitions");

    @Test
    void measuresEveryStepIndicatorScorecardAndFileOfATinyRun(@TempDir Path work) throws Exception {
        Path synthea = Path.of(System.getenv().getOrDefault("QI_SHARED_DIR", "../../shared"), "synthea", "v3.0-27-patients");
        BenchSettings settings = new BenchSettings(List.of(300), 2, 24, 7, LocalDate.of(2026, 11, 23), work,
                DEFINITIONS, work.resolve("results.csv"), "test", synthea);
        List<Metric> metrics = new BenchRun(settings).measure(300);
        Map<String, Metric> byName = metrics.stream().collect(Collectors.toMap(Metric::name, m -> m));

        assertThat(byName.keySet().stream().filter(n -> n.startsWith("step.")).toList()).containsExactlyInAnyOrder(
                "step.ingestExtractStep", "step.checkExtractStep", "step.normaliseWarehouseStep", "step.checkDataQualityStep",
                "step.computeIndicatorsStep", "step.summariseResultsStep", "step.renderReportsStep",
                "step.publishManifestStep");
        long definitions;
        try (Stream<Path> files = Files.walk(DEFINITIONS.resolve("definitions"))) {
            definitions = files.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(byName.keySet().stream().filter(n -> n.startsWith("indicator.") && !n.equals("indicator.total")))
                .hasSize((int) definitions);
        // the organisation's scorecard and one per site
        assertThat(byName.keySet().stream().filter(n -> n.startsWith("pdf.") && !n.equals("pdf.total")))
                .hasSize(3).contains("pdf.ALL");

        // the ingest and the raw COPY read the same rows from every file (12 canonical files)
        List<String> files = byName.keySet().stream().filter(n -> n.startsWith("ingest.") && n.endsWith(".csv.rows")
                && !n.equals("ingest.csv.rows")).toList();
        assertThat(files).hasSize(12);
        long sum = files.stream().mapToLong(n -> (long) byName.get(n).value()).sum();
        assertThat(byName.get("ingest.csv.rows").value()).isEqualTo(sum);
        assertThat(byName.get("ingest.patient.csv.rows").value()).isEqualTo(300);
        assertThat(byName.get("ingest.site.csv.rows").value()).isEqualTo(2);
        assertThat(byName.get("ingest.csv.ratio_to_copy").value()).isPositive();

        assertThat(byName.get("jvm.heap_peak").value()).isPositive();
        assertThat(byName.get("pg.memory_peak").value()).isPositive();
        assertThat(byName.get("generate").value()).isPositive();
        // the incremental night read exactly the day's extract: every data line of day/*.csv
        Path extract = work.resolve("extract-p300-s7-2sites-2026-11-23-day");
        assertThat(byName.get("incremental.rows").value()).isEqualTo(dataLines(extract.resolve("day"), ".csv")).isPositive();
        assertThat(byName.get("incremental.ratio_to_full").value()).isPositive();
        assertThat(byName).containsKeys("incremental.end_to_end", "incremental.step.computeIndicatorsStep");
        // NDJSON: one resource per line of the generated Bulk export, imported beside a raw COPY of the same bytes
        long resources = dataLines(extract.resolve("source").resolve("fhir"), ".ndjson")
                + countFiles(extract.resolve("source").resolve("fhir"), ".ndjson"); // no header line in NDJSON
        assertThat(byName.get("ingest.fhir.resources").value()).isEqualTo(resources);
        assertThat(byName.get("ingest.fhir.ratio_to_copy").value()).isPositive();
        assertThat(byName.get("ingest.fhir.staged_rows").value()).isPositive();
        if (Files.isDirectory(synthea)) {
            // the 27-patient Synthea sample: its patients.csv alone has 27 rows
            assertThat(byName.get("ingest.synthea.rows").value()).isGreaterThan(27);
            assertThat(byName.get("ingest.synthea.ratio_to_copy").value()).isPositive();
        }
        // the throw-away database is gone
        assertThat(work.resolve("pgdata-p300")).doesNotExist();
    }

    /** Lines of the files with this suffix, minus one header line per file. */
    private static long dataLines(Path dir, String suffix) throws Exception {
        long lines = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                try (Stream<String> l = Files.lines(f)) {
                    lines += l.count() - 1;
                }
            }
        }
        return lines;
    }

    private static long countFiles(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }
}
