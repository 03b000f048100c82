package org.lhs.qi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every size of a benchmark in one process, adds the growth per 10× between consecutive sizes, appends the
 * figures to the results CSV and returns the printable table.
 */
public final class Benchmark {

    private final BenchSettings settings;

    public Benchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public String run() throws Exception {
        Instant timestamp = Instant.now();
        String machine = machine();
        List<Metric> all = new ArrayList<>();
        BenchRun run = new BenchRun(settings);
        for (int patients : settings.sizes()) {
            // written per phase: a later phase or size that fails or is killed keeps the figures measured before it
            all.addAll(run.measure(patients, phase -> ResultsCsv.append(settings.results(), timestamp, settings.gitSha(),
                    machine, phase)));
        }
        List<Metric> growth = Growth.of(all, ResultsTable.timeMetricNames(all));
        ResultsCsv.append(settings.results(), timestamp, settings.gitSha(), machine, growth);
        all.addAll(growth);
        return "machine: " + machine + ", commit " + settings.gitSha() + "\n" + ResultsTable.render(all);
    }

    /** {@code nproc=2 mem=24GB}: the figures only mean something beside the machine they came from. */
    static String machine() {
        return "nproc=" + Runtime.getRuntime().availableProcessors() + " mem=" + memTotalGb(Path.of("/proc/meminfo")) + "GB";
    }

    static String memTotalGb(Path meminfo) {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Long.toString(Math.round(kb / 1048576.0));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall through
        }
        return "?";
    }
}
