package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Starts the nightly job for a business date the way a scheduler needs it: a failed or crashed run of the
 * date is restarted where it stopped; a completed date is run again as a new instance (rerun n+1), which
 * replaces that date's results; a second run for the same date while one is running is refused.
 */
@Service
public class NightlyRunner {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final DataSource dataSource;

    public NightlyRunner(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, DataSource dataSource) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.dataSource = dataSource;
    }

    /** Thrown when another process is running the nightly job for the same business date. */
    public static final class AlreadyRunningException extends RuntimeException {
        AlreadyRunningException(String message) {
            super(message);
        }
    }

    public JobExecution run(LocalDate businessDate, Path extractDir, Path definitionsDir, Path outputDir)
            throws Exception {
        return run(businessDate, extractDir, definitionsDir, outputDir, definitionsDir.resolve("data-quality"));
    }

    /** Like {@link #run(LocalDate, Path, Path, Path)} with the data-quality check folder given explicitly. */
    public JobExecution run(LocalDate businessDate, Path extractDir, Path definitionsDir, Path outputDir,
            Path dataQualityDir) throws Exception {
        // A session-level advisory lock per date: held for the whole run, released by PostgreSQL if we die.
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, businessDate)) {
                throw new AlreadyRunningException("another qi run for " + businessDate
                        + " is in progress; wait for it to finish (see `qi status`)");
            }
            try {
                return launch(businessDate, extractDir, definitionsDir, outputDir, dataQualityDir);
            } finally {
                unlock(lock, businessDate);
            }
        }
    }

    private JobExecution launch(LocalDate businessDate, Path extractDir, Path definitionsDir, Path outputDir,
            Path dataQualityDir) throws Exception {
        for (long rerun = 0; ; rerun++) {
            NightlyParameters parameters = new NightlyParameters(businessDate, rerun, extractDir, definitionsDir,
                    outputDir, dataQualityDir);
            JobExecution last = jobRepository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME,
                    parameters.toJobParameters());
            if (last == null) {
                log.info("run: starting nightly for {}{}", businessDate, rerun > 0 ? " (rerun " + rerun + ")" : "");
                return jobOperator.start(nightlyJob, parameters.toJobParameters());
            }
            BatchStatus status = last.getStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
                continue;
            }
            if (status.isRunning()) {
                // We hold the date's lock, so no process runs it: the execution died without recording it.
                log.warn("run: execution {} for {} was left {} by a process that died; marking it failed",
                        last.getId(), businessDate, status);
                last = jobOperator.recover(last);
            }
            log.info("run: restarting nightly for {} from execution {} ({})", businessDate, last.getId(),
                    last.getStatus());
            return jobOperator.start(nightlyJob, parameters.toJobParameters());
        }
    }

    private static boolean tryLock(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext('qi-nightly'), ?)")) {
            s.setInt(1, (int) date.toEpochDay());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(hashtext('qi-nightly'), ?)")) {
            s.setInt(1, (int) date.toEpochDay());
            s.execute();
        }
    }
}
