package org.lhs.qi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lhs.qi.QiApplication;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.ingest.ExtractFormat;
import org.lhs.qi.nightly.NightlyRunner;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starts the Spring application on a database, runs the nightly job for a date and reports the outcome. */
final class NightlyLauncher {

    private NightlyLauncher() {}

    static int run(DatabaseSettings db, LocalDate date, Path extract, Path definitions, Path output) {
        return run(db, date, extract, definitions, output, null);
    }

    /** @param dataQuality the data-quality check folder, or null for {@code qi.data-quality-dir} / its default */
    static int run(DatabaseSettings db, LocalDate date, Path extract, Path definitions, Path output, Path dataQuality) {
        return run(db, date, extract, definitions, output, dataQuality, ExtractFormat.AUTO);
    }

    /** @param format the extract folder's layout, or AUTO to detect it */
    static int run(DatabaseSettings db, LocalDate date, Path extract, Path definitions, Path output, Path dataQuality,
            ExtractFormat format) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.url());
        if (db.user() != null) {
            properties.put("spring.datasource.username", db.user());
        }
        if (db.password() != null) {
            properties.put("spring.datasource.password", db.password());
        }
        environmentSettings(System.getenv(), properties);
        properties.put("qi.definitions-dir", definitions.toString());
        properties.put("qi.output-dir", output.toString());
        if (dataQuality != null) {
            properties.put("qi.data-quality-dir", dataQuality.toString());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QiApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            NightlyRunner runner = context.getBean(NightlyRunner.class);
            Path checks = context.getBean(org.lhs.qi.config.QiProperties.class).dataQualityDirOrDefault();
            JobExecution execution = runner.run(date, extract, definitions, output, checks, format);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                System.err.println("qi: nightly run for " + date + " " + execution.getStatus() + ": "
                        + firstLine(failureMessage(execution)));
                System.err.println("qi: fix the cause and run the same command again to restart from the failed step");
                return ExitCodes.RUN_FAILED;
            }
            List<String> pdfs = JdbcClient.create(context.getBean(javax.sql.DataSource.class))
                    .sql("SELECT path FROM qi.report_file WHERE business_date = :d AND run_id IN "
                            + "(SELECT run_id FROM qi.run WHERE job_instance_id = :i) ORDER BY audience <> 'ALL', audience")
                    .param("d", date).param("i", execution.getJobInstance().getInstanceId())
                    .query(String.class).list();
            System.out.println("qi: nightly run for " + date + " completed (run " + execution.getId() + ")");
            pdfs.forEach(p -> System.out.println("  " + p));
            return ExitCodes.OK;
        } catch (NightlyRunner.AlreadyRunningException e) {
            System.err.println("qi: " + e.getMessage());
            return ExitCodes.ALREADY_RUNNING;
        } catch (Exception e) {
            System.err.println("qi: " + rootMessage(e));
            return ExitCodes.ENVIRONMENT;
        }
    }

    /** The documented QI_* environment variables, mapped explicitly (Spring's relaxed names drop the dashes). */
    static void environmentSettings(Map<String, String> env, Map<String, Object> properties) {
        Map<String, String> names = Map.of(
                "QI_MAX_ERROR_RATE", "qi.max-error-rate",
                "QI_SOURCE_SYSTEM", "qi.source-system",
                "QI_TIME_ZONE", "qi.time-zone",
                "QI_ORGANISATION_NAME", "qi.organisation-name",
                "QI_MIN_CELL_SIZE", "qi.min-cell-size",
                "QI_DATA_QUALITY_DIR", "qi.data-quality-dir");
        names.forEach((variable, property) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value);
            }
        });
        String zone = env.get("QI_TIME_ZONE");
        if (zone != null && !zone.isBlank()) {
            // validated by ZoneId.of before it reaches SQL: only a real zone id can be set
            properties.put("spring.datasource.hikari.connection-init-sql",
                    "SET TIME ZONE '" + java.time.ZoneId.of(zone).getId() + "'");
        }
    }

    private static String failureMessage(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (!failures.isEmpty()) {
            return rootMessage(failures.getFirst());
        }
        return execution.getExitStatus().getExitDescription();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return t == e ? message : e.getMessage() + " — " + message;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s;
    }
}
