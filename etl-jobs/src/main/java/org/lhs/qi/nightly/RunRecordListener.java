package org.lhs.qi.nightly;

import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code qi.run} in step with the job execution: one row per execution, its status and timings. */
@Component
public class RunRecordListener implements JobExecutionListener {

    private final JdbcClient jdbc;

    public RunRecordListener(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        NightlyParameters p = NightlyParameters.from(execution.getJobParameters());
        jdbc.sql("""
                INSERT INTO qi.run (run_id, job_instance_id, business_date, extract_dir, output_dir, status)
                VALUES (:run, :instance, :date, :extract, :output, 'STARTED')
                ON CONFLICT (run_id) DO NOTHING""")
                .param("run", execution.getId()).param("instance", execution.getJobInstance().getInstanceId())
                .param("date", p.businessDate()).param("extract", p.extractDir().toString())
                .param("output", p.reportDir().toString())
                .update();
    }

    @Override
    public void afterJob(JobExecution execution) {
        String message = execution.getExitStatus().getExitDescription();
        jdbc.sql("UPDATE qi.run SET status = :status, ended_at = now(), message = :message WHERE run_id = :run")
                .param("status", execution.getStatus().name())
                .param("message", message == null || message.isBlank() ? null : firstLines(message))
                .param("run", execution.getId())
                .update();
    }

    private static String firstLines(String text) {
        return text.lines().limit(6).reduce((a, b) -> a + "\n" + b).orElse(text);
    }
}
