package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.lhs.qi.config.QiProperties;
import org.lhs.qi.export.ResultExporter;
import org.lhs.qi.export.WrittenFile;
import org.lhs.qi.report.RenderedReport;
import org.lhs.qi.report.ScorecardRenderer;
import org.lhs.qi.report.ScorecardRequest;
import org.lhs.qi.summarise.ResultSummariser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code renderReportsStep}: one scorecard PDF for the organisation and one per site, each with its data exports
 * (results CSV, FHIR MeasureReport bundle) beside it; one audience per transaction, every file written atomically,
 * so a restart simply writes an audience's files again.
 */
class RenderReportsTasklet extends OneItemPerTransactionTasklet<String> {

    private static final Logger log = LoggerFactory.getLogger(RenderReportsTasklet.class);

    private final JdbcClient jdbc;
    private final ScorecardRenderer renderer;
    private final ResultExporter exporter;
    private final QiProperties properties;

    RenderReportsTasklet(DataSource dataSource, ScorecardRenderer renderer, ResultExporter exporter,
            QiProperties properties) {
        this.jdbc = JdbcClient.create(dataSource);
        this.renderer = renderer;
        this.exporter = exporter;
        this.properties = properties;
    }

    @Override
    protected List<String> items(NightlyParameters parameters, StepExecution step) {
        unpublish(parameters.reportDir());
        List<String> audiences = new ArrayList<>();
        audiences.add(ResultSummariser.ALL_SITES);
        audiences.addAll(jdbc.sql("""
                SELECT DISTINCT site_key FROM qi.result
                WHERE business_date = :d AND site_key NOT IN (:all, 'unattributed') ORDER BY site_key""")
                .param("d", parameters.businessDate()).param("all", ResultSummariser.ALL_SITES)
                .query(String.class).list());
        return audiences;
    }

    @Override
    protected void process(String audience, NightlyParameters parameters, StepExecution step) {
        Path pdf = parameters.reportDir().resolve(fileName(parameters, audience));
        RenderedReport report = renderer.render(new ScorecardRequest(parameters.businessDate(), audience,
                properties.organisationName(), pdf));
        jdbc.sql("""
                INSERT INTO qi.report_file (run_id, business_date, audience, path, sha256, size_bytes)
                VALUES (:run, :d, :audience, :path, :sha, :size)
                ON CONFLICT (run_id, audience) DO UPDATE SET path = EXCLUDED.path, sha256 = EXCLUDED.sha256,
                    size_bytes = EXCLUDED.size_bytes, created_at = now()""")
                .param("run", step.getJobExecutionId()).param("d", parameters.businessDate())
                .param("audience", audience).param("path", report.pdf().toAbsolutePath().toString())
                .param("sha", report.sha256()).param("size", report.sizeBytes())
                .update();
        log.info("report: {} ({} pages) → {}", audience, report.pages(), report.pdf());
        for (WrittenFile file : exporter.export(parameters.businessDate(), audience, properties.organisationName(),
                parameters.reportDir(), stem(parameters, audience))) {
            jdbc.sql("""
                    INSERT INTO qi.export_file (run_id, business_date, audience, kind, path, sha256, size_bytes)
                    VALUES (:run, :d, :audience, :kind, :path, :sha, :size)
                    ON CONFLICT (run_id, audience, kind) DO UPDATE SET path = EXCLUDED.path, sha256 = EXCLUDED.sha256,
                        size_bytes = EXCLUDED.size_bytes, created_at = now()""")
                    .param("run", step.getJobExecutionId()).param("d", parameters.businessDate())
                    .param("audience", audience).param("kind", file.kind()).param("path", file.path().toString())
                    .param("sha", file.sha256()).param("size", file.sizeBytes())
                    .update();
            log.info("export: {} {} → {}", audience, file.kind(), file.path());
        }
    }

    /**
     * The PDFs of this date are about to be replaced: withdraw an earlier run's manifest first, so consumers
     * never see a manifest whose checksums do not match the files beside it. Publish writes a new one.
     */
    private static void unpublish(Path reportDir) {
        try {
            if (java.nio.file.Files.deleteIfExists(reportDir.resolve("manifest.json"))) {
                log.info("report: withdrew the earlier manifest of {} until this run publishes", reportDir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot withdraw the manifest in " + reportDir, e);
        }
    }

    /** Site keys come from extracts: only a safe subset of characters reaches the file name. */
    static String fileName(NightlyParameters parameters, String audience) {
        return "scorecard-" + stem(parameters, audience) + ".pdf";
    }

    /** {@code <date>-organisation} or {@code <date>-site-<key>}: shared by the PDF and its exports. */
    static String stem(NightlyParameters parameters, String audience) {
        String who = ResultSummariser.ALL_SITES.equals(audience) ? "organisation"
                : "site-" + audience.replaceAll("[^A-Za-z0-9._-]", "_");
        return parameters.businessDate() + "-" + who;
    }
}
