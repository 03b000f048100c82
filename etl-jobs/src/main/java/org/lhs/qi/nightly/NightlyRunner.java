package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.lhs.qi.ingest.ExtractFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Starts the nightly job for a business date the way a scheduler needs it: a failed or crashed run of the
 * date is restarted where it stopped; a completed date is run again as a new instance (rerun n+1), which
 * replaces that date's results; a second run for the same date while one is running is refused; a run for
 * another date waits for the running one (they share the warehouse).
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
        return run(businessDate, extractDir, definitionsDir, outputDir, dataQualityDir, ExtractFormat.AUTO);
    }

    /** Like {@link #run(LocalDate, Path, Path, Path, Path)} with the extract format forced (or AUTO: detected). */
    public JobExecution run(LocalDate businessDate, Path extractDir, Path definitionsDir, Path outputDir,
            Path dataQualityDir, ExtractFormat extractFormat) throws Exception {
        // A session-level advisory lock per date: held for the whole run, released by PostgreSQL if we die.
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, businessDate)) {
                throw new AlreadyRunningException("another qi run for " + businessDate
                        + " is in progress; wait for it to finish (see `qi status`)");
            }
            try {
                lockWarehouse(lock, businessDate);
                try {
                    // we hold the date's lock: anything a dead process left for this date is ours to clean up
                    abandonDeadRuns(businessDate);
                    StaleFiles.sweep(new NightlyParameters(businessDate, 0, extractDir, definitionsDir, outputDir)
                            .reportDir());
                    return launch(businessDate, extractDir, definitionsDir, outputDir, dataQualityDir, extractFormat);
                } finally {
                    unlockWarehouse(lock);
                }
            } finally {
                unlock(lock, businessDate);
            }
        }
    }

    private JobExecution launch(LocalDate businessDate, Path extractDir, Path definitionsDir, Path outputDir,
            Path dataQualityDir, ExtractFormat extractFormat) throws Exception {
        for (long rerun = 0; ; rerun++) {
            NightlyParameters parameters = new NightlyParameters(businessDate, rerun, extractDir, definitionsDir,
                    outputDir, dataQualityDir, extractFormat);
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

    /**
     * {@code qi.run} rows of this date still STARTED belong to processes that died (SIGKILL, power loss):
     * their job listener never ran. Mark them FAILED so {@code qi status} does not show them as running.
     */
    private void abandonDeadRuns(LocalDate businessDate) {
        int dead = JdbcClient.create(dataSource).sql("""
                UPDATE qi.run SET status = 'FAILED', ended_at = coalesce(ended_at, now()),
                       message = 'the process running it died (killed or crashed); restarted by a later run'
                WHERE business_date = :d AND status IN ('STARTING', 'STARTED')""")
                .param("d", businessDate).update();
        if (dead > 0) {
            log.warn("run: {} run(s) for {} were left running by a process that died; marked failed", dead, businessDate);
        }
    }

    /**
     * Runs of different dates share the warehouse, staging and {@code qi.extract_file}: the normalise step
     * loads every staged file, so a run of another date interleaved with ours could load our files half-way
     * (children before their parents, wrongly quarantined as unresolved). They therefore run one after the
     * other: a second date waits here, holding its own date's lock, until the first finishes (or dies).
     */
    private static void lockWarehouse(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext('qi-warehouse'))");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
                return;
            }
        }
        log.info("run: waiting for the nightly run of another date to finish before loading {}", date);
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(hashtext('qi-warehouse'))")) {
            s.execute();
        }
        log.info("run: the other run finished; going ahead with {}", date);
    }

    private static void unlockWarehouse(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(hashtext('qi-warehouse'))")) {
            s.execute();
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
