package org.lhs.qi.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code publishManifestStep}: writes {@code manifest.json} next to the PDFs — run id, business date,
 * definitions hash, every report with its SHA-256, and the quarantine count — atomically, as the last act
 * of a successful run. Consumers take a folder as published only when its manifest exists.
 */
class PublishManifestTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishManifestTasklet.class);

    private final JdbcClient jdbc;

    PublishManifestTasklet(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    record ReportEntry(String audience, String path, String sha256, long sizeBytes) {}

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = contribution.getStepExecution();
        long runId = step.getJobExecutionId();
        NightlyParameters p = NightlyParameters.from(step.getJobExecution().getJobParameters());
        List<ReportEntry> reports = jdbc.sql("""
                SELECT audience, path, sha256, size_bytes FROM qi.report_file
                WHERE business_date = :d AND run_id IN (SELECT run_id FROM qi.run WHERE job_instance_id = :instance)
                ORDER BY audience = 'ALL' DESC, audience""")
                .param("d", p.businessDate()).param("instance", step.getJobExecution().getJobInstance().getInstanceId())
                .query((rs, n) -> new ReportEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        List<ReportEntry> exports = jdbc.sql("""
                SELECT audience || ' ' || kind, path, sha256, size_bytes FROM qi.export_file
                WHERE business_date = :d AND run_id IN (SELECT run_id FROM qi.run WHERE job_instance_id = :instance)
                ORDER BY audience = 'ALL' DESC, audience, kind""")
                .param("d", p.businessDate()).param("instance", step.getJobExecution().getJobInstance().getInstanceId())
                .query((rs, n) -> new ReportEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        String definitionsHash = jdbc.sql("SELECT definitions_hash FROM qi.run WHERE job_instance_id = :i "
                        + "AND definitions_hash IS NOT NULL ORDER BY run_id DESC LIMIT 1")
                .param("i", step.getJobExecution().getJobInstance().getInstanceId())
                .query(String.class).optional().orElse("");
        long quarantined = jdbc.sql("SELECT count(*) FROM qi.quarantine WHERE run_id IN "
                        + "(SELECT run_id FROM qi.run WHERE job_instance_id = :i)")
                .param("i", step.getJobExecution().getJobInstance().getInstanceId())
                .query(Long.class).single();
        String json = """
                {
                  "runId": %d,
                  "businessDate": "%s",
                  "definitionsHash": "%s",
                  "quarantinedRows": %d,
                  "reports": [
                %s
                  ],
                  "exports": [
                %s
                  ]
                }
                """.formatted(runId, p.businessDate(), definitionsHash, quarantined, reports.stream()
                .map(r -> "    {\"audience\": \"%s\", \"file\": \"%s\", \"sha256\": \"%s\", \"sizeBytes\": %d}"
                        .formatted(json(r.audience()), json(Path.of(r.path()).getFileName().toString()), r.sha256(),
                                r.sizeBytes()))
                .collect(Collectors.joining(",\n")), exports.stream()
                .map(e -> {
                    // the audience and kind travel together in one column: "<audience> <kind>"
                    int space = e.audience().lastIndexOf(' ');
                    return "    {\"audience\": \"%s\", \"kind\": \"%s\", \"file\": \"%s\", \"sha256\": \"%s\", \"sizeBytes\": %d}"
                            .formatted(json(e.audience().substring(0, space)), e.audience().substring(space + 1),
                                    json(Path.of(e.path()).getFileName().toString()), e.sha256(), e.sizeBytes());
                })
                .collect(Collectors.joining(",\n")));
        Path manifest = p.reportDir().resolve("manifest.json");
        try {
            Files.createDirectories(p.reportDir());
            Path tmp = Files.createTempFile(p.reportDir(), ".manifest", ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + manifest + ": " + e.getMessage(), e);
        }
        log.info("published: {} report(s), manifest {}", reports.size(), manifest);
        return RepeatStatus.FINISHED;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
