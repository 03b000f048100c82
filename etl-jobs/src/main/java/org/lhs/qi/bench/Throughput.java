package org.lhs.qi.bench;

import java.util.List;

/**
 * Ingest of one file (or a whole format) beside the raw COPY of the same bytes. The ratio is ingest throughput over
 * COPY throughput, i.e. COPY time over ingest time: 1.0 means ingest is as fast as a bare COPY, 0.8 is the target.
 */
record Throughput(String name, long rows, long bytes, double ingestSeconds, double copySeconds) {

    static Throughput total(String name, List<Throughput> files) {
        return new Throughput(name, files.stream().mapToLong(Throughput::rows).sum(),
                files.stream().mapToLong(Throughput::bytes).sum(),
                files.stream().mapToDouble(Throughput::ingestSeconds).sum(),
                files.stream().mapToDouble(Throughput::copySeconds).sum());
    }

    double rowsPerSecond() {
        return ingestSeconds > 0 ? rows / ingestSeconds : Double.NaN;
    }

    double megabytesPerSecond() {
        return ingestSeconds > 0 ? bytes / 1048576.0 / ingestSeconds : Double.NaN;
    }

    double copyRowsPerSecond() {
        return copySeconds > 0 ? rows / copySeconds : Double.NaN;
    }

    double ratioToCopy() {
        return ingestSeconds > 0 && copySeconds > 0 ? copySeconds / ingestSeconds : Double.NaN;
    }

    List<Metric> metrics(int patients, String prefix) {
        return List.of(
                new Metric(patients, prefix + ".rows", rows, "rows"),
                new Metric(patients, prefix + ".size", bytes / 1048576.0, "MB"),
                new Metric(patients, prefix + ".time", ingestSeconds, "s"),
                new Metric(patients, prefix + ".rows_per_s", rowsPerSecond(), "rows/s"),
                new Metric(patients, prefix + ".mb_per_s", megabytesPerSecond(), "MB/s"),
                new Metric(patients, prefix + ".copy_time", copySeconds, "s"),
                new Metric(patients, prefix + ".copy_rows_per_s", copyRowsPerSecond(), "rows/s"),
                new Metric(patients, prefix + ".ratio_to_copy", ratioToCopy(), "ratio"));
    }
}
