package org.lhs.qi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.EmbeddedPostgresServer;
import org.lhs.qi.quality.DataQualityResults;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qi status}: the last runs with their steps, timings, quarantine counts and where the PDFs went. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the last nightly runs: status, steps and timings, quarantined rows, reports.")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--last", defaultValue = "5", description = "Number of runs to show (default ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--demo-dir", description = "Read the embedded demo database in this folder instead of QI_DB_URL/PG*.")
    Path demoDir;

    @Override
    public Integer call() {
        if (demoDir != null) {
            if (!Files.isDirectory(demoDir.resolve("pgdata"))) {
                System.err.println("qi: no demo database in " + demoDir + " (run `qi demo` first)");
                return ExitCodes.ENVIRONMENT;
            }
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(demoDir.resolve("pgdata").toAbsolutePath())) {
                return print(server.dataSource());
            }
        }
        DatabaseSettings db = DatabaseSettings.fromEnvironment(System.getenv()).orElse(null);
        if (db == null) {
            System.err.println("qi: no database configured: set QI_DB_URL or PGHOST, or use --demo-dir .qi-demo");
            return ExitCodes.ENVIRONMENT;
        }
        return print(db.dataSource());
    }

    /** e.g. {@code data quality: FAILED (full extract) 61 results, 2 failed, 2 critical: extract-volume; 0 not applicable}. */
    static String dataQualityLine(DataQualityResults.Tally dq) {
        return "data quality: " + (dq.blocking() > 0 ? "FAILED" : "passed") + " ("
                + (dq.extractMode() == null ? "unknown" : dq.extractMode()) + " extract) " + dq.results() + " results, "
                + dq.failed() + " failed, " + dq.blocking() + " critical"
                + (dq.failedCriticalChecks().isEmpty() ? "" : ": " + String.join(", ", dq.failedCriticalChecks()))
                + "; " + dq.notApplicable() + " not applicable (details: qi.dq_result)";
    }

    private int print(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Map<String, Object>> runs = jdbc.sql("""
                SELECT r.run_id, r.business_date, r.status, to_char(r.started_at, 'YYYY-MM-DD HH24:MI:SS') AS started,
                       round(extract(epoch FROM coalesce(r.ended_at, now()) - r.started_at)::numeric, 1) AS seconds,
                       (SELECT count(*) FROM qi.quarantine q WHERE q.run_id = r.run_id) AS quarantined,
                       (SELECT count(*) FROM qi.report_file f WHERE f.run_id = r.run_id) AS reports,
                       r.output_dir, r.message
                FROM qi.run r ORDER BY r.run_id DESC LIMIT :n""").param("n", last).query().listOfRows();
        if (runs.isEmpty()) {
            System.out.println("no runs yet");
            return ExitCodes.OK;
        }
        for (Map<String, Object> run : runs) {
            System.out.printf("run %s  %s  %-9s started %s  %s s  quarantined %s  reports %s → %s%n",
                    run.get("run_id"), run.get("business_date"), run.get("status"), run.get("started"),
                    run.get("seconds"), run.get("quarantined"), run.get("reports"), run.get("output_dir"));
            if (run.get("message") != null) {
                System.out.println("    " + run.get("message").toString().lines().findFirst().orElse(""));
            }
            new DataQualityResults(dataSource).tally(((Number) run.get("run_id")).longValue())
                    .ifPresent(dq -> System.out.println("    " + dataQualityLine(dq)));
            jdbc.sql("""
                    SELECT step_name, status, read_count, write_count, read_skip_count,
                           round(extract(epoch FROM coalesce(end_time, localtimestamp) - start_time)::numeric, 1) AS seconds
                    FROM batch_step_execution WHERE job_execution_id = :run ORDER BY step_execution_id""")
                    .param("run", run.get("run_id")).query().listOfRows()
                    .forEach(step -> System.out.printf("    %-24s %-9s %6s s  read %s  written %s  quarantined %s%n",
                            step.get("step_name"), step.get("status"), step.get("seconds"), step.get("read_count"),
                            step.get("write_count"), step.get("read_skip_count")));
        }
        return ExitCodes.OK;
    }
}
