package org.lhs.qi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.lhs.qi.bench.BenchSettings;
import org.lhs.qi.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qi bench}: the benchmark harness (generate, raw COPY yardstick, full nightly run) at one or more sizes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the nightly run at several sizes on a throw-away embedded PostgreSQL; append to results.csv.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--patients", split = ",", defaultValue = "10000",
            description = "Sizes in patients, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> patients;

    @Option(names = "--sites", defaultValue = "20", description = "Sites (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--months", defaultValue = "24", description = "Months of history (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--date", description = "Business date (default: today).")
    LocalDate date;

    @Option(names = "--work", defaultValue = ".qi-bench", description = "Scratch folder (default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Option(names = "--out", defaultValue = "bench/results", description = "Results folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--git-sha", defaultValue = "unknown", description = "Commit measured, recorded with the figures.")
    String gitSha;

    @Option(names = "--synthea", description = "A Synthea CSV export folder whose import throughput is measured too.")
    Path synthea;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = new BenchSettings(patients, sites, months, seed, date != null ? date : LocalDate.now(),
                work, definitions, out.resolve("results.csv"), gitSha, synthea);
        System.out.println(new Benchmark(settings).run());
        System.out.println("appended to " + settings.results().toAbsolutePath());
        return ExitCodes.OK;
    }
}
