package org.lhs.qi.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What to benchmark: the sizes (patients), the generated system's shape, and where to work and write results.
 *
 * @param sizes       patient counts, run in ascending order
 * @param sites       sites of the generated health system (one scorecard each, plus the organisation's)
 * @param months      months of generated history
 * @param seed        generator seed: the same seed gives the same extract, so runs compare like with like
 * @param businessDate business date of the nightly run (the generated data ends the day before)
 * @param workDir     scratch folder for extracts, throw-away databases and PDFs
 * @param definitions indicator definitions folder
 * @param results     CSV file the figures are appended to
 * @param gitSha      commit measured, recorded with every figure
 * @param synthea     a Synthea CSV export whose import throughput is measured beside a raw COPY; null = not measured
 */
public record BenchSettings(List<Integer> sizes, int sites, int months, long seed, LocalDate businessDate,
        Path workDir, Path definitions, Path results, String gitSha, Path synthea) {

    /** Settings without a Synthea export. */
    public BenchSettings(List<Integer> sizes, int sites, int months, long seed, LocalDate businessDate,
            Path workDir, Path definitions, Path results, String gitSha) {
        this(sizes, sites, months, seed, businessDate, workDir, definitions, results, gitSha, null);
    }

    public BenchSettings {
        sizes = sizes.stream().sorted().distinct().toList();
        if (sizes.isEmpty() || sizes.getFirst() <= 0) {
            throw new IllegalArgumentException("sizes must be positive patient counts");
        }
    }
}
