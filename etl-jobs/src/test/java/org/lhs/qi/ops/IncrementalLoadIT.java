package org.lhs.qi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.QiApplication;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.nightly.NightlyRunner;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Incremental nightly loads: day 1 is the full hand-checked extract, day 2 an extract of only that day's
 * changes ({@code extracts/incremental-day2}: new, updated and deleted rows, deletions marked {@code deleted =
 * true}). The warehouse and the day-2 results must equal those of a full reload of the day-2 state.
 */
@SpringBootTest(classes = QiApplication.class,
        properties = {"spring.batch.job.enabled=false", "qi.organisation-name=Test Health System"})
class IncrementalLoadIT {

    static final LocalDate DAY1 = LocalDate.of(2026, 11, 22);
    static final LocalDate DAY2 = LocalDate.of(2026, 11, 23);
    static final Path FULL_DAY1 = Path.of("src/test/resources/extracts/hand-checked");
    static final Path DELTA_DAY2 = Path.of("src/test/resources/extracts/incremental-day2");
    static final Path DEFINITIONS = Path.of("../indicator-definitions");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseSettings db = TestDatabase.settings();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        if (db.password() != null) {
            registry.add("spring.datasource.password", db::password);
        }
    }

    @Autowired
    NightlyRunner runner;

    @Autowired
    DataSource dataSource;

    @Autowired
    ExtractFileIngester ingester;

    @Autowired
    WarehouseNormaliser normaliser;

    @TempDir
    Path work;

    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc = JdbcClient.create(dataSource);
        StateDump.emptyDatabase(dataSource);
    }

    @Test
    void dayOneFullPlusDayTwoChangesEqualsAFullReloadOfDayTwo() throws Exception {
        assertCompleted(runner.run(DAY1, FULL_DAY1, DEFINITIONS, work.resolve("incremental")));
        JobExecution delta = runner.run(DAY2, DELTA_DAY2, DEFINITIONS, work.resolve("incremental"));
        assertCompleted(delta);
        // history was not reloaded: day 2 read only the 14 delta rows
        assertEquals(14L, jdbc.sql("SELECT sum(rows_read) FROM qi.extract_file WHERE run_id = :r")
                .param("r", delta.getId()).query(Long.class).single());
        Map<String, List<String>> incremental = StateDump.warehouseAndResults(dataSource, DAY2);

        // hand checks: P03 and everything of it is gone, P90 came, P02 changed, the severe fall SE03 is gone
        assertEquals(43L, count("ehr.patient"));
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM ehr.patient WHERE source_id = 'P03'").query(Long.class).single());
        assertEquals("male", jdbc.sql("SELECT sex FROM ehr.patient WHERE source_id = 'P02'").query(String.class).single());
        assertEquals(6L, count("ehr.safety_event"));
        // falls with injury in October: SE01 moderate and the mild fall of E03 remain → 2 (was 3)
        assertEquals(2L, jdbc.sql("""
                SELECT numerator FROM qi.result WHERE business_date = :d AND indicator_id = 'falls-with-injury'
                  AND period_start = '2026-10-01' AND site_key = 'ALL' AND stratifier = 'overall'""")
                .param("d", DAY2).query(Long.class).single());
        assertThat(incremental.get("staging.deletion")).isEmpty();

        Path fullDay2 = applyDelta(FULL_DAY1, DELTA_DAY2, work.resolve("full-day2"));
        StateDump.emptyDatabase(dataSource);
        assertCompleted(runner.run(DAY2, fullDay2, DEFINITIONS, work.resolve("full")));
        Map<String, List<String>> full = StateDump.warehouseAndResults(dataSource, DAY2);

        assertEquals(full.keySet(), incremental.keySet());
        for (String table : full.keySet()) {
            assertEquals(full.get(table), incremental.get(table), "table " + table + ": incremental ≠ full reload");
        }
    }

    @Test
    void badDeletionRowsAreQuarantinedAndReferencedRowsAreNotDeleted() throws Exception {
        normaliseExtract(FULL_DAY1, 1L);
        Path delta = Files.createDirectories(work.resolve("bad-deletions"));
        Files.writeString(delta.resolve("patient.csv"), """
                patient_id,birth_date,death_date,sex,race,ethnicity,language,zip,deprivation_quintile,site_id,deleted
                P05,,,,,,,,,,true
                P06,,,,,,,,,,maybe
                ,,,,,,,,,,true
                P404,,,,,,,,,,true
                """);
        normaliseExtract(delta, 2L);

        // P05 still has a coverage, an encounter, a condition and an observation: refused, kept, quarantined
        assertEquals(2L, jdbc.sql("SELECT count(*) FROM ehr.patient WHERE source_id IN ('P05', 'P06')")
                .query(Long.class).single());
        List<String> reasons = jdbc.sql("SELECT line_no || ': ' || reason FROM qi.quarantine WHERE run_id = 2 ORDER BY line_no")
                .query(String.class).list();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).startsWith("2: deletion refused: the row is still referenced by ")
                .contains("coverage").contains("encounter").contains("observation");
        assertThat(reasons.get(1)).isEqualTo("3: deleted: 'maybe' is not true or false");
        assertThat(reasons.get(2)).startsWith("4: patient_id: required value is missing");
        // deleting an id the warehouse does not have is not an error (a restart applies deletions again)
        assertEquals(43L, count("ehr.patient"));
        assertEquals(0L, count("staging.deletion"));
    }

    private void normaliseExtract(Path dir, long runId) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted(this::dependencyOrder).toList()) {
                ingester.ingest(f, runId);
            }
        }
        normaliser.normalise(runId);
    }

    private int dependencyOrder(Path a, Path b) {
        List<String> order = WarehouseNormaliser.tables();
        return Integer.compare(order.indexOf(table(a)), order.indexOf(table(b)));
    }

    private static String table(Path p) {
        return p.getFileName().toString().replace(".csv", "");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void assertCompleted(JobExecution execution) {
        assertEquals(BatchStatus.COMPLETED, execution.getStatus(), () -> execution.getAllFailureExceptions().toString());
    }

    /**
     * The day-2 state as a full extract: day 1's files with the delta's rows applied by id — deleted rows
     * removed, changed rows replaced, new rows appended. The delta's last column is {@code deleted}.
     */
    static Path applyDelta(Path full, Path delta, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(full)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(file);
                Map<String, String> byId = new LinkedHashMap<>();
                lines.subList(1, lines.size()).forEach(l -> byId.put(l.split(",", -1)[0], l));
                Path changes = delta.resolve(file.getFileName());
                if (Files.exists(changes)) {
                    List<String> changed = Files.readAllLines(changes);
                    for (String line : changed.subList(1, changed.size())) {
                        String[] fields = line.split(",", -1);
                        if (fields[fields.length - 1].equalsIgnoreCase("true")) {
                            byId.remove(fields[0]);
                        } else {
                            byId.put(fields[0], String.join(",", Arrays.copyOf(fields, fields.length - 1)));
                        }
                    }
                }
                List<String> out = new ArrayList<>();
                out.add(lines.getFirst());
                out.addAll(byId.values());
                Files.write(target.resolve(file.getFileName()), out);
            }
        }
        return target;
    }
}
