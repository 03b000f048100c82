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
        BenchSettings settings = new BenchSettings(List.of(300), 2, 24, 7, LocalDate.of(2026, 11, 23), work,
                DEFINITIONS, work.resolve("results.csv"), "test");
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
        // the throw-away database is gone
        assertThat(work.resolve("pgdata-p300")).doesNotExist();
    }
}
