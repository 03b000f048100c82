package org.lhs.qi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.lhs.qi.QiApplication;
import org.lhs.qi.db.EmbeddedPostgresServer;
import org.lhs.qi.generate.GeneratorSettings;
import org.lhs.qi.generate.HealthSystemGenerator;
import org.lhs.qi.generate.IncrementalDay;
import org.lhs.qi.generate.OutputFormat;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.ingest.synthea.SyntheaImporter;
import org.lhs.qi.nightly.NightlyRunner;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures one size: generates the extract, starts a throw-away embedded PostgreSQL 17, times a raw COPY of every
 * file, runs the nightly job end to end and turns its step, item and memory records into {@link Metric}s; then runs
 * one incremental night (a day of changes) and measures the FHIR NDJSON and Synthea CSV imports beside raw COPYs.
 */
public final class BenchRun {

    private static final String INGEST_STEP = "ingestExtractStep";
    private static final String COMPUTE_STEP = "computeIndicatorsStep";
    private static final String RENDER_STEP = "renderReportsStep";
    private static final String ITEM_PREFIX = "item.ms.";

    private final BenchSettings settings;

    public BenchRun(BenchSettings settings) {
        this.settings = settings;
    }

    /** Runs one size and returns its figures; fails when the nightly job does not complete. */
    public List<Metric> measure(int patients) throws Exception {
        return measure(patients, m -> { });
    }

    /**
     * Runs one size: the full night, then one incremental day, then the foreign-format imports. Each phase's figures
     * go to {@code sink} as soon as they are measured (a long run that is stopped keeps what it measured) and are
     * returned together at the end.
     */
    public List<Metric> measure(int patients, Consumer<List<Metric>> sink) throws Exception {
        List<Metric> metrics = new ArrayList<>();
        Path extract = settings.workDir().resolve("extract-p" + patients + "-s" + settings.seed() + "-"
                + settings.sites() + "sites-" + settings.businessDate() + "-day");
        Path full = extract.resolve("full");
        Path day = extract.resolve("day");
        Path fhir = extract.resolve("source").resolve("fhir");
        if (!Files.isRegularFile(full.resolve("patient.csv"))) {
            // generated one day further, then split: the full night holds everything before the business date and the
            // incremental night gets that last day's new rows and the ends that became known on it
            long started = System.nanoTime();
            new HealthSystemGenerator(new GeneratorSettings(patients, settings.sites(), settings.months(), settings.seed(),
                    settings.businessDate().plusDays(1))).write(extract.resolve("source"), OutputFormat.BOTH);
            metrics.add(new Metric(patients, "generate", seconds(started), "s"));
            IncrementalDay.split(extract.resolve("source"), settings.businessDate(), full, day);
        }
        Path pgdata = settings.workDir().resolve("pgdata-p" + patients);
        Path output = settings.workDir().resolve("output-p" + patients);
        deleteTree(pgdata);
        deleteTree(output);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgdata.toAbsolutePath())) {
            long contextStarted = System.nanoTime();
            try (ConfigurableApplicationContext context = context(server, output)) {
                DataSource dataSource = context.getBean(DataSource.class);
                long postmaster = postmasterPid(dataSource);
                List<RawCopy.FileCopy> copies = RawCopy.copyAll(server.settings().dataSource(), full);
                // printed at once: a long run that is stopped early still shows its yardstick
                copies.forEach(c -> System.out.printf(java.util.Locale.ROOT, "bench: raw COPY %-20s %,10d rows in %6.2f s (%,.0f rows/s)%n",
                        c.file(), c.rows(), c.seconds(), c.rows() / Math.max(c.seconds(), 1e-9)));
                NightlyRunner runner = context.getBean(NightlyRunner.class);
                JobExecution execution;
                long jobStarted;
                double jobSeconds;
                try (PeakSampler sampler = new PeakSampler(new ProcMemory(Path.of("/proc")), postmaster, 200)) {
                    jobStarted = System.nanoTime();
                    execution = runner.run(settings.businessDate(), full, settings.definitions(), output);
                    jobSeconds = seconds(jobStarted);
                    sampler.close();
                    metrics.add(new Metric(patients, "jvm.heap_peak", sampler.heapSampledPeakBytes() / 1048576.0, "MB"));
                    metrics.add(new Metric(patients, "jvm.heap_pool_peak_sum", sampler.heapPoolPeakSumBytes() / 1048576.0, "MB"));
                    metrics.add(new Metric(patients, "pg.memory_peak", sampler.pgEstimatePeakKb() / 1024.0, "MB"));
                    metrics.add(new Metric(patients, "pg.rss_sum_peak", sampler.pgRssSumPeakKb() / 1024.0, "MB"));
                }
                requireCompleted(patients, execution);
                metrics.add(new Metric(patients, "end_to_end", jobSeconds, "s"));
                metrics.add(new Metric(patients, "end_to_end_with_startup", seconds(contextStarted), "s"));
                metrics.addAll(stepTimes(patients, dataSource, execution.getId(), "step."));
                metrics.addAll(ingest(patients, dataSource, execution, copies));
                metrics.addAll(items(patients, execution, COMPUTE_STEP, "indicator."));
                metrics.addAll(items(patients, execution, RENDER_STEP, "pdf."));
                // kept beside the extract: before/after comparisons of a tuning change must give identical numbers
                Path dump = settings.workDir().resolve("qi-result-p" + patients + "-" + settings.gitSha() + ".csv");
                System.out.printf("bench: %d result rows written to %s%n", ResultsDump.write(dataSource, dump), dump);
                sink.accept(List.copyOf(metrics));

                List<Metric> later = new ArrayList<>();
                long incrementalStarted = System.nanoTime();
                JobExecution incremental = runner.run(settings.businessDate().plusDays(1), day, settings.definitions(), output);
                double incrementalSeconds = seconds(incrementalStarted);
                requireCompleted(patients, incremental);
                later.add(new Metric(patients, "incremental.rows", rowsRead(dataSource, incremental.getId()), "rows"));
                later.add(new Metric(patients, "incremental.end_to_end", incrementalSeconds, "s"));
                later.add(new Metric(patients, "incremental.ratio_to_full", incrementalSeconds / jobSeconds, "ratio"));
                later.addAll(stepTimes(patients, dataSource, incremental.getId(), "incremental.step."));
                System.out.printf(java.util.Locale.ROOT, "bench: incremental night %.1f s = %.1f%% of the full night%n",
                        incrementalSeconds, 100 * incrementalSeconds / jobSeconds);
                sink.accept(List.copyOf(later));
                metrics.addAll(later);

                List<Metric> imports = new ArrayList<>(ImportThroughput.fhir(patients, dataSource,
                        context.getBean(FhirImporter.class), fhir, incremental.getId()));
                if (settings.synthea() != null && Files.isDirectory(settings.synthea())) {
                    imports.addAll(ImportThroughput.synthea(patients, dataSource, context.getBean(SyntheaImporter.class),
                            settings.synthea(), incremental.getId()));
                }
                sink.accept(List.copyOf(imports));
                metrics.addAll(imports);
            }
        } finally {
            deleteTree(pgdata);
        }
        return metrics;
    }

    private static void requireCompleted(int patients, JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("nightly run at " + patients + " patients ended "
                    + execution.getStatus() + ": " + execution.getAllFailureExceptions());
        }
    }

    private static long rowsRead(DataSource dataSource, long runId) {
        Long rows = JdbcClient.create(dataSource).sql("SELECT coalesce(sum(rows_read), 0) FROM qi.extract_file WHERE run_id = :r")
                .param("r", runId).query(Long.class).single();
        return rows == null ? 0 : rows;
    }

    private ConfigurableApplicationContext context(EmbeddedPostgresServer server, Path output) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", server.settings().url());
        properties.put("spring.datasource.username", server.settings().user());
        properties.put("qi.definitions-dir", settings.definitions().toString());
        properties.put("qi.output-dir", output.toString());
        return new SpringApplicationBuilder(QiApplication.class).web(WebApplicationType.NONE).properties(properties).run();
    }

    /** The server's postmaster: the parent of our own backend (no pid namespace, so /proc pids match). */
    private static long postmasterPid(DataSource dataSource) {
        Integer backend = JdbcClient.create(dataSource).sql("SELECT pg_backend_pid()").query(Integer.class).single();
        try {
            return ProcMemory.parseStatus(Files.readString(Path.of("/proc", backend.toString(), "status"))).parentPid();
        } catch (IOException e) {
            return 0; // no /proc (not Linux): PostgreSQL memory is then not measured
        }
    }

    /** Each step's time as recorded by Spring Batch in {@code batch_step_execution}. */
    private static List<Metric> stepTimes(int patients, DataSource dataSource, long jobExecutionId, String prefix) throws Exception {
        List<Metric> metrics = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT step_name, extract(epoch FROM end_time - start_time) FROM batch_step_execution"
                     + " WHERE job_execution_id = " + jobExecutionId + " ORDER BY step_execution_id")) {
            while (rs.next()) {
                metrics.add(new Metric(patients, prefix + rs.getString(1), rs.getDouble(2), "s"));
            }
        }
        return metrics;
    }

    /** Per-file ingest throughput and its ratio to the raw COPY of the same file; then the totals for the format. */
    private static List<Metric> ingest(int patients, DataSource dataSource, JobExecution execution,
            List<RawCopy.FileCopy> copies) {
        Map<String, Long> millis = itemMillis(execution, INGEST_STEP);
        Map<String, Long> rowsRead = new HashMap<>();
        JdbcClient.create(dataSource).sql("SELECT file_name, rows_read FROM qi.extract_file WHERE run_id = :r")
                .param("r", execution.getId())
                .query((rs, n) -> rowsRead.put(Path.of(rs.getString(1)).getFileName().toString(), rs.getLong(2))).list();
        List<Throughput> files = new ArrayList<>();
        for (RawCopy.FileCopy copy : copies) {
            Long ms = millis.get(copy.file());
            if (ms == null) {
                continue;
            }
            files.add(new Throughput(copy.file(), rowsRead.getOrDefault(copy.file(), copy.rows()), copy.bytes(),
                    ms / 1000.0, copy.seconds()));
        }
        List<Metric> metrics = new ArrayList<>();
        files.forEach(t -> metrics.addAll(t.metrics(patients, "ingest." + t.name())));
        metrics.addAll(Throughput.total("csv", files).metrics(patients, "ingest.csv"));
        return metrics;
    }

    private static List<Metric> items(int patients, JobExecution execution, String step, String prefix) {
        List<Metric> metrics = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : itemMillis(execution, step).entrySet()) {
            metrics.add(new Metric(patients, prefix + e.getKey(), e.getValue() / 1000.0, "s"));
            total += e.getValue();
        }
        metrics.add(new Metric(patients, prefix + "total", total / 1000.0, "s"));
        return metrics;
    }

    private static Map<String, Long> itemMillis(JobExecution execution, String stepName) {
        Map<String, Long> millis = new java.util.TreeMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals(stepName)) {
                for (Map.Entry<String, Object> e : step.getExecutionContext().entrySet()) {
                    if (e.getKey().startsWith(ITEM_PREFIX) && e.getValue() instanceof Number n) {
                        millis.put(e.getKey().substring(ITEM_PREFIX.length()), n.longValue());
                    }
                }
            }
        }
        return millis;
    }

    private static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toNanos() / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
