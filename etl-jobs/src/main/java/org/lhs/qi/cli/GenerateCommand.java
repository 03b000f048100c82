package org.lhs.qi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.lhs.qi.generate.GenerationSummary;
import org.lhs.qi.generate.GeneratorSettings;
import org.lhs.qi.generate.HealthSystemGenerator;
import org.lhs.qi.generate.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qi generate}: writes a deterministic synthetic health system as a canonical CSV extract. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic health system (seeded, deterministic) as canonical CSV files.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output folder for the CSV files.")
    Path out;

    @Option(names = "--patients", defaultValue = "5000", description = "Number of patients (default ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--sites", defaultValue = "4", description = "Number of sites (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--months", defaultValue = "24", description = "Months of history (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "csv",
            description = "csv (canonical CSV), ndjson (FHIR R4 Bulk Data NDJSON) or both (NDJSON in <out>/fhir); default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--end-date", description = "Data runs up to the day before this date (default: today).")
    LocalDate endDate;

    @Override
    public Integer call() throws Exception {
        LocalDate end = endDate != null ? endDate : LocalDate.now();
        long started = System.nanoTime();
        GenerationSummary summary = new HealthSystemGenerator(new GeneratorSettings(patients, sites, months, seed, end))
                .write(out, OutputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT)));
        System.out.printf("generated %d patients, %d sites, %d months up to %s in %.1f s → %s%n", patients, sites,
                months, end.minusDays(1), (System.nanoTime() - started) / 1e9, out.toAbsolutePath());
        summary.rowsPerFile().forEach((file, rows) -> System.out.printf("  %-22s %,10d rows%n", file, rows));
        summary.plantedEffects().forEach(e -> System.out.println("  planted: " + e));
        return ExitCodes.OK;
    }
}
