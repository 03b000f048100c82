package org.lhs.qi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
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
 * {@code sql/roles/qi-app-role.sql}: the nightly job runs completely as {@code qi_loader}, which cannot change
 * the schema; {@code qi_reporting} reads results but no patient-level table.
 */
class DatabaseRolesIT {

    static final Path SCRIPT = Path.of("../sql/roles/qi-app-role.sql");

    @TempDir
    Path work;

    DatabaseSettings db;

    @BeforeEach
    void applyScript() throws Exception {
        db = TestDatabase.settings();
        // the embedded test server trusts local connections; an external one would need the roles' passwords
        assumeTrue(db.password() == null, "needs a test server that trusts local connections");
        StateDump.emptyDatabase(TestDatabase.dataSource());
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements(Files.readString(SCRIPT))) {
                s.execute(statement);
            }
        }
    }

    @Test
    void theNightlyJobRunsAsTheLoaderRole() throws Exception {
        DatabaseSettings loader = new DatabaseSettings(db.url(), "qi_loader", null);
        QiProcess.Outcome run = QiProcess.run(loader, Map.of(), QiProcess.never(), "run", "--date", "2026-11-23",
                "--extract", Path.of("src/test/resources/extracts/hand-checked").toAbsolutePath().toString(),
                "--definitions", Path.of("../indicator-definitions").toAbsolutePath().toString(),
                "--output", work.resolve("out").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run::all);
        assertEquals(43L, JdbcClient.create(TestDatabase.dataSource()).sql("SELECT count(*) FROM ehr.patient")
                .query(Long.class).single());

        JdbcClient asLoader = JdbcClient.create(loader.dataSource());
        assertThatThrownBy(() -> asLoader.sql("CREATE TABLE qi.evil (x int)").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asLoader.sql("DROP TABLE ehr.observation").update()).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> asLoader.sql("CREATE TABLE public.evil (x int)").update()).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void theReportingRoleReadsResultsButNoPatientLevelData() {
        DataSource reporting = new DatabaseSettings(db.url(), "qi_reporting", null).dataSource();
        JdbcClient asReporting = JdbcClient.create(reporting);
        assertThat(asReporting.sql("SELECT count(*) FROM qi.result").query(Long.class).single()).isNotNull();
        assertThat(asReporting.sql("SELECT count(*) FROM qi.run").query(Long.class).single()).isNotNull();
        for (String table : List.of("ehr.patient", "ehr.observation", "qi.member", "qi.quarantine", "staging.patient")) {
            assertThatThrownBy(() -> asReporting.sql("SELECT count(*) FROM " + table).query(Long.class).single())
                    .as(table).rootCause().hasMessageContaining("permission denied");
        }
        assertThatThrownBy(() -> asReporting.sql("DELETE FROM qi.result").update()).rootCause().hasMessageContaining("permission denied");
    }

    /** The script's statements: psql meta-commands dropped, split at semicolons outside dollar quotes. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inDollar = false;
        for (String line : script.lines().toList()) {
            if (line.startsWith("\\") || line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            int dollars = line.split("\\$\\$", -1).length - 1;
            if (dollars % 2 == 1) {
                inDollar = !inDollar;
            }
            if (!inDollar && line.strip().endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        return statements;
    }
}
