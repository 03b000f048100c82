package org.lhs.qi.nightly;

import java.util.List;
import javax.sql.DataSource;
import org.lhs.qi.ingest.ErrorRatePolicy;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.quality.ExtractProfiler;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code checkExtractStep}: fails the run when any staged file has more malformed rows than the configured
 * share. It reads the counts back from {@code qi.extract_file} so it judges exactly what was committed, also
 * after a restart; the quarantined rows stay for the data team to inspect. FHIR files are judged on their own
 * row (resources read and quarantined), the same threshold as a CSV file's rows.
 */
class CheckExtractTasklet implements Tasklet {

    private final JdbcClient jdbc;
    private final ErrorRatePolicy policy;
    private final ExtractProfiler profiler;

    CheckExtractTasklet(DataSource dataSource, ErrorRatePolicy policy) {
        this.jdbc = JdbcClient.create(dataSource);
        this.policy = policy;
        this.profiler = new ExtractProfiler(dataSource);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<FileIngestResult> staged = jdbc.sql("""
                SELECT f.table_name, f.file_name, f.id, f.rows_read, f.rows_staged, f.rows_quarantined,
                       ARRAY(SELECT 'line ' || q.line_no || ': ' || q.reason FROM qi.quarantine q
                             WHERE q.extract_file_id = f.id ORDER BY q.line_no LIMIT 5) AS reasons
                FROM qi.extract_file f WHERE f.status = 'staged' ORDER BY f.id""")
                .query((rs, n) -> new FileIngestResult(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), false,
                        List.of((String[]) rs.getArray(7).getArray())))
                .list();
        // what each file delivered per site, kept for the data-quality gate before normalise clears staging
        profiler.profileStagedFiles();
        policy.check(staged, contribution.getStepExecution().getJobExecutionId());
        // a FHIR file's own row (resource counts) has no staging table: judged and passed, it is done
        jdbc.sql("UPDATE qi.extract_file SET status = 'loaded', loaded_at = now()"
                + " WHERE table_name = 'fhir' AND status = 'staged'").update();
        return RepeatStatus.FINISHED;
    }
}
