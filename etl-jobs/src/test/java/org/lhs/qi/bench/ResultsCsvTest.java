package org.lhs.qi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @Test
    void writesTheHeaderOnceAndAppendsOneRowPerMetric(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results/results.csv");
        Instant t = Instant.parse("2026-11-23T18:00:00Z");
        ResultsCsv.append(file, t, "abc123", "nproc=2 mem=24GB", List.of(
                new Metric(10_000, "end_to_end", 41.25, "s"),
                new Metric(10_000, "ingest.csv.rows", 1_234_567, "rows")));
        ResultsCsv.append(file, t, "abc123", "nproc=2 mem=24GB", List.of(
                new Metric(100_000, "ingest.csv.ratio_to_copy", 1.0 / 3, "ratio"),
                new Metric(100_000, "ingest.site.csv.ratio_to_copy", Double.NaN, "ratio")));
        assertThat(Files.readAllLines(file)).containsExactly(
                "timestamp,git_sha,machine,patients,metric,value,unit",
                "2026-11-23T18:00:00Z,abc123,nproc=2 mem=24GB,10000,end_to_end,41.25,s",
                "2026-11-23T18:00:00Z,abc123,nproc=2 mem=24GB,10000,ingest.csv.rows,1234567,rows",
                "2026-11-23T18:00:00Z,abc123,nproc=2 mem=24GB,100000,ingest.csv.ratio_to_copy,0.3333,ratio",
                "2026-11-23T18:00:00Z,abc123,nproc=2 mem=24GB,100000,ingest.site.csv.ratio_to_copy,,ratio");
    }

    @Test
    void readsTheMachineMemoryFromMeminfo(@TempDir Path dir) throws Exception {
        Path meminfo = dir.resolve("meminfo");
        Files.writeString(meminfo, "MemTotal:       24568380 kB\nMemFree:         1000 kB\n");
        assertThat(Benchmark.memTotalGb(meminfo)).isEqualTo("23");
        assertThat(Benchmark.memTotalGb(dir.resolve("none"))).isEqualTo("?");
    }
}
