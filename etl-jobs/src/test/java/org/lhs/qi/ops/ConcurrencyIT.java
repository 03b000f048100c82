package org.lhs.qi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.cli.ExitCodes;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two {@code qi run}s at once, with the real jar: the same date is refused (exit code 5), another date waits
 * until the warehouse is free. The "other run" is this test holding the advisory lock a running job holds.
 */
class ConcurrencyIT {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);
    static final Path EXTRACT = Path.of("src/test/resources/extracts/hand-checked").toAbsolutePath();
    static final Path DEFINITIONS = Path.of("../indicator-definitions").toAbsolutePath();

    @TempDir
    Path work;

    DatabaseSettings db;
    DataSource dataSource;
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        db = TestDatabase.settings();
        dataSource = TestDatabase.dataSource();
        jdbc = JdbcClient.create(dataSource);
        StateDump.emptyDatabase(dataSource);
    }

    @Test
    void aSecondRunForTheSameDateIsRefusedWithExitCode5() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertTrue(query(c, "SELECT pg_try_advisory_lock(hashtext('qi-nightly'), " + BUSINESS_DATE.toEpochDay() + ")"));
            QiProcess.Outcome refused = run(Map.of(), line -> false);
            assertEquals(ExitCodes.ALREADY_RUNNING, refused.exitCode(), refused::all);
            assertThat(refused.stderr()).contains("another qi run for 2026-11-23 is in progress");
            // nothing was started or touched
            assertEquals(0L, jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single());
            assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.extract_file").query(Long.class).single());
        }
    }

    /**
     * Also the privacy check of the failure path (one JVM start less): the run is made to reject the extract,
     * and what it prints at the default log level names file, line and column but no patient identifier, no
     * clinical value and not the database password. (CrashRestartIT checks the output of successful runs.)
     */
    @Test
    void aRunForAnotherDateWaitsUntilTheWarehouseIsFreeAndReportsARejectionWithoutPatientData() throws Exception {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("QI_MAX_ERROR_RATE", "0"); // the one malformed observation row now rejects the extract
        String canary = "canary-Pa55w0rd-7f3e91";
        if (db.password() == null) {
            // the test server trusts local connections, so any password works, and it must never be printed
            env.put("QI_DB_PASSWORD_FILE", java.nio.file.Files.writeString(work.resolve("db-password"), canary + "\n")
                    .toString());
        }
        try (Connection c = dataSource.getConnection()) {
            assertTrue(query(c, "SELECT pg_try_advisory_lock(hashtext('qi-warehouse'))"));
            // when the waiting run says so, the "other date" finishes: release the lock
            QiProcess.Outcome waited = run(env, line -> {
                if (line.contains("waiting for the nightly run of another date")) {
                    assertTrue(query(c, "SELECT pg_advisory_unlock(hashtext('qi-warehouse'))"));
                }
                return false;
            });
            // it then ran (and failed fast on purpose: the malformed row is above a 0 % error rate)
            assertEquals(ExitCodes.RUN_FAILED, waited.exitCode(), waited::all);
            List<String> out = waited.stdout();
            int waiting = indexOf(out, "waiting for the nightly run of another date");
            int firstStep = indexOf(out, "▶ ingestExtractStep");
            assertTrue(waiting >= 0 && firstStep > waiting, waited::all);

            // the operator learns which file, line and column, and where the rows are …
            assertThat(waited.stderr()).contains("observation.csv: 1 of 42 rows malformed")
                    .contains("line 43: effective_time: '…'").contains("qi.quarantine");
            // … but no identifier or value of the extract, nor the password, reaches the output or qi.run
            LogPrivacy.assertClean(waited.all(), LogPrivacy.forbiddenTokens(EXTRACT));
            assertThat(waited.all()).doesNotContain(canary);
            assertThat(jdbc.sql("SELECT message FROM qi.run").query(String.class).single()).doesNotContain("2026-10-45");
            // the values themselves are kept where they belong
            assertThat(jdbc.sql("SELECT raw FROM qi.quarantine").query(String.class).single())
                    .contains("O-BAD-001").contains("2026-10-45T10:00:00Z");
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean query(Connection c, String sql) {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private QiProcess.Outcome run(Map<String, String> env, java.util.function.Predicate<String> onLine) throws Exception {
        return QiProcess.run(db, env, onLine, "run", "--date", BUSINESS_DATE.toString(), "--extract", EXTRACT.toString(),
                "--definitions", DEFINITIONS.toString(), "--output", work.resolve("out").toString());
    }
}
