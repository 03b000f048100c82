package org.lhs.qi.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.CanonicalTables;
import org.lhs.qi.ingest.ErrorRatePolicy;
import org.lhs.qi.ingest.ExtractDirectory;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.ExtractRejectedException;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.IngestSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The quarantine-case extract end to end: ingest to staging and quarantine, normalise into ehr, reloads. */
class IngestAndNormaliseIT {

    private static final String SS = "it-ingest";
    private static final long RUN = 7_100_001L;
    private static final long RUN2 = 7_100_002L;
    private static final long RUN3 = 7_100_003L;

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);
    private final ExtractFileIngester ingester =
            new ExtractFileIngester(ds, new IngestSettings(SS, ZoneId.of("America/New_York")));
    private final WarehouseNormaliser normaliser = new WarehouseNormaliser(ds);
    private final Path caseDir = ExtractFixtures.folder("quarantine-case");

    @BeforeEach
    @AfterEach
    void cleanUp() {
        ExtractFixtures.cleanUp(ds, SS, RUN, RUN3);
    }

    private List<FileIngestResult> ingestAll(Path dir, long runId) {
        return ExtractDirectory.canonicalFiles(dir).stream().map(f -> ingester.ingest(f, runId)).toList();
    }

    @Test
    void goodRowsReachTheWarehouseAndBadRowsAreQuarantinedWithLineAndReason() {
        List<FileIngestResult> ingested = ingestAll(caseDir, RUN);

        assertThat(ingested).extracting(FileIngestResult::fileName, FileIngestResult::rowsRead,
                        FileIngestResult::rowsStaged, FileIngestResult::rowsQuarantined, FileIngestResult::skippedUnchanged)
                .containsExactly(
                        tuple("site.csv", 2L, 2L, 0L, false),
                        tuple("patient.csv", 8L, 5L, 3L, false),
                        tuple("coverage.csv", 4L, 4L, 0L, false),
                        tuple("encounter.csv", 5L, 4L, 1L, false),
                        tuple("unit_stay.csv", 3L, 3L, 0L, false),
                        tuple("condition.csv", 3L, 2L, 1L, false),
                        tuple("observation.csv", 8L, 6L, 2L, false),
                        tuple("safety_event.csv", 2L, 2L, 0L, false));
        assertThat(ingested.get(1).sampleReasons()).containsExactly(
                "line 3: birth_date: '1985-13-40' is not a date (YYYY-MM-DD)",
                "line 5: sex: required value is missing",
                "line 9: record has 6 field(s) but the header has 11");

        List<TableLoadResult> loaded = normaliser.normalise(RUN);
        assertThat(loaded).extracting(TableLoadResult::table, TableLoadResult::files, TableLoadResult::rowsInserted,
                        TableLoadResult::rowsUpdated, TableLoadResult::rowsUnchanged, TableLoadResult::rowsQuarantined)
                .containsExactly(
                        tuple("site", 1, 2L, 0L, 0L, 0L),
                        tuple("patient", 1, 5L, 0L, 0L, 0L),
                        tuple("coverage", 1, 2L, 0L, 0L, 2L),
                        tuple("encounter", 1, 3L, 0L, 0L, 1L),
                        tuple("unit_stay", 1, 2L, 0L, 0L, 1L),
                        tuple("device_episode", 0, 0L, 0L, 0L, 0L),
                        tuple("condition", 1, 2L, 0L, 0L, 0L),
                        tuple("procedure", 0, 0L, 0L, 0L, 0L),
                        tuple("observation", 1, 4L, 0L, 0L, 1L),
                        tuple("medication", 0, 0L, 0L, 0L, 0L),
                        tuple("safety_event", 1, 2L, 0L, 0L, 0L),
                        tuple("survey_response", 0, 0L, 0L, 0L, 0L),
                        tuple("request", 0, 0L, 0L, 0L, 0L)); // FHIR-only (ServiceRequest, DeviceRequest)

        assertThat(jdbc.sql("""
                        SELECT table_name, file_name, line_no, raw, reason FROM qi.quarantine
                        WHERE run_id = :run ORDER BY id""").param("run", RUN)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3), String.valueOf(rs.getString(4)),
                        rs.getString(5))).list())
                .containsExactly(
                        List.of("patient", "patient.csv", 3L, "P2,male,1985-13-40,asian,unknown,zh,,3,S1,,red",
                                "birth_date: '1985-13-40' is not a date (YYYY-MM-DD)"),
                        List.of("patient", "patient.csv", 5L, "P4,,1990-01-01,white,hispanic-or-latino,es,,,S2,,",
                                "sex: required value is missing"),
                        List.of("patient", "patient.csv", 9L, "P7,female,1960-01-01,white,unknown,en",
                                "record has 6 field(s) but the header has 11"),
                        List.of("encounter", "encounter.csv", 6L, "E5,P6,S1,virtual,,2026-13-01T10:00:00Z,,",
                                "admit_time: '2026-13-01T10:00:00Z' is not a date-time (YYYY-MM-DDThh:mm:ss with optional Z or +hh:mm)"),
                        List.of("condition", "condition.csv", 4L, "D3,P5,,ICD-10-CM,I10,2021-02-03T00:00:00Z,,X,secondary,active",
                                "present_on_admission: 'X' is not one of Y, N, U, W"),
                        List.of("observation", "observation.csv", 4L,
                                "O3,P3,E2,http://unknown.example/cs,1234-5,2026-03-03T05:00:00Z,1,,,,final",
                                "code_system: 'http://unknown.example/cs' is not a known code system (ICD-10-CM, ICD-10-PCS, "
                                        + "SNOMED-CT, LOINC, RxNorm, CPT, HCPCS, CVX, LOCAL or their URIs)"),
                        List.of("observation", "observation.csv", 9L, "O7,P1,E1,LOINC,4548-4,2026-03-02T10:00:00Z,abc,,,%,final",
                                "value_num: 'abc' is not a number"),
                        List.of("coverage", "coverage.csv", 4L, quarantinedRaw("coverage", 4),
                                "patient_id 'P99' not found in patient.csv or the warehouse"),
                        List.of("coverage", "coverage.csv", 5L, quarantinedRaw("coverage", 5),
                                "patient_id 'P2' not found in patient.csv or the warehouse"),
                        List.of("encounter", "encounter.csv", 5L, quarantinedRaw("encounter", 5),
                                "site_id 'S3' not found in site.csv or the warehouse"),
                        List.of("unit_stay", "unit_stay.csv", 4L, quarantinedRaw("unit_stay", 4),
                                "encounter_id 'E9' not found in encounter.csv or the warehouse"),
                        List.of("observation", "observation.csv", 6L, quarantinedRaw("observation", 6),
                                "patient_id 'P123' not found in patient.csv or the warehouse"));
        assertThat(quarantinedRaw("coverage", 4)).contains("\"patient_ref\": \"P99\"").contains("\"source_id\": \"C3\"");

        // every good row, with converted values
        assertThat(sourceIds("site")).containsExactly("S1", "S2");
        assertThat(sourceIds("patient")).containsExactly("P1", "P3", "P5", "P6", "P8");
        assertThat(sourceIds("coverage")).containsExactly("C1", "C2");
        assertThat(sourceIds("encounter")).containsExactly("E1", "E2", "E3");
        assertThat(sourceIds("unit_stay")).containsExactly("U1", "U2");
        assertThat(sourceIds("condition")).containsExactly("D1", "D2");
        assertThat(sourceIds("observation")).containsExactly("O1", "O2", "O4", "O6");
        assertThat(sourceIds("safety_event")).containsExactly("F1", "F2");

        Map<String, Object> p3 = row("patient", "P3");
        assertThat(p3).containsEntry("sex", "male").containsEntry("race", "black-or-african-american")
                .containsEntry("zip", "10001").containsEntry("deprivation_quintile", 1)
                .containsEntry("site_id", id("site", "S2"));
        assertThat(row("patient", "P6")).containsEntry("birth_date", java.sql.Date.valueOf("1944-02-29"))
                .containsEntry("death_date", java.sql.Date.valueOf("2025-01-10"));
        assertThat(row("patient", "P5")).containsEntry("site_id", null).containsEntry("language", null);
        assertThat(time("encounter", "E1", "discharge_time")).isEqualTo("2026-03-05T10:00Z");
        assertThat(time("encounter", "E2", "admit_time")).isEqualTo("2026-03-03T04:15Z"); // 23:15 EST
        assertThat(time("encounter", "E3", "admit_time")).isEqualTo("2026-03-10T14:00Z");
        assertThat(row("unit_stay", "U2")).containsEntry("encounter_id", id("encounter", "E1"))
                .containsEntry("patient_id", id("patient", "P1")).containsEntry("site_id", id("site", "S1"))
                .containsEntry("unit", "ICU");
        assertThat(row("condition", "D1")).containsEntry("code_system", "ICD-10-CM").containsEntry("status", "active")
                .containsEntry("present_on_admission", "Y").containsEntry("encounter_id", id("encounter", "E1"));
        assertThat(row("observation", "O1")).containsEntry("value_num", new BigDecimal("7.4")); // the later line wins
        assertThat(row("observation", "O2")).containsEntry("status", "final").containsEntry("encounter_id", null)
                .containsEntry("unit", "mm[Hg]");
        assertThat(row("observation", "O4")).containsEntry("code_system", "LOINC").containsEntry("value_num", new BigDecimal("88.50"));
        assertThat(row("observation", "O6")).containsEntry("value_code_system", "SNOMED-CT")
                .containsEntry("value_code", "8517006").containsEntry("status", "amended").containsEntry("value_num", null);
        assertThat(row("safety_event", "F2")).containsEntry("patient_id", null).containsEntry("harm_level", "near-miss");

        assertThat(jdbc.sql("""
                        SELECT file_name, status, rows_read, rows_staged, rows_quarantined, rows_loaded FROM qi.extract_file
                        WHERE run_id = :run AND table_name IN ('patient', 'coverage', 'observation') ORDER BY id""")
                .param("run", RUN).query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).list())
                .containsExactly(
                        List.of("patient.csv", "loaded", 8L, 5L, 3L, 5L),
                        List.of("coverage.csv", "loaded", 4L, 4L, 2L, 2L),
                        List.of("observation.csv", "loaded", 8L, 6L, 3L, 4L));
        for (String table : CanonicalTables.tableNames()) {
            assertThat(jdbc.sql("SELECT count(*) FROM staging." + table + " WHERE source_system = :ss").param("ss", SS)
                    .query(Long.class).single()).as("staging.%s emptied", table).isZero();
        }
    }

    @Test
    void errorRatePolicyFailsOnlyFilesAboveTheThreshold() {
        List<FileIngestResult> ingested = ingestAll(caseDir, RUN);
        // patient 3/8 = 37.5%, condition 1/3 = 33.3%, observation 2/8 = 25%, encounter 1/5 = 20%
        assertThatCode(() -> new ErrorRatePolicy(0.40).check(ingested)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ErrorRatePolicy(0.30).check(ingested, RUN))
                .isInstanceOf(ExtractRejectedException.class)
                .hasMessageContaining("patient.csv: 3 of 8 rows malformed (37.50% > 30.00% allowed); first reasons: line 3: birth_date:")
                .hasMessageContaining("condition.csv: 1 of 3 rows malformed (33.33% > 30.00% allowed)")
                .hasMessageNotContaining("observation.csv")
                .hasMessageEndingWith("see qi.quarantine run_id=" + RUN + " for every rejected row with its line number and reason");
        assertThatThrownBy(() -> new ErrorRatePolicy(0.05).check(ingested))
                .hasMessageContaining("patient.csv").hasMessageContaining("encounter.csv")
                .hasMessageContaining("condition.csv").hasMessageContaining("observation.csv")
                .hasMessageNotContaining("site.csv").hasMessageNotContaining("coverage.csv");
    }

    @Test
    void loadingTheSameExtractAgainChangesNothing(@TempDir Path tmp) throws Exception {
        ingestAll(caseDir, RUN);
        normaliser.normalise(RUN);
        Map<String, List<Map<String, Object>>> before = dumpWarehouse();
        assertThat(before.values().stream().mapToInt(List::size).sum()).isEqualTo(22);

        // byte-identical files: recognised by checksum and skipped
        List<FileIngestResult> again = ingestAll(caseDir, RUN2);
        assertThat(again).allMatch(FileIngestResult::skippedUnchanged);
        assertThat(normaliser.normalise(RUN2)).allMatch(r -> r.files() == 0);
        assertThat(dumpWarehouse()).isEqualTo(before);

        // same data in different bytes (a trailing blank line): staged again, but the upsert touches no row
        for (Path f : ExtractDirectory.canonicalFiles(caseDir)) {
            Files.writeString(tmp.resolve(f.getFileName()), Files.readString(f) + "\n");
        }
        assertThat(ingestAll(tmp, RUN3)).noneMatch(FileIngestResult::skippedUnchanged);
        List<TableLoadResult> reloaded = normaliser.normalise(RUN3);
        assertThat(reloaded).allMatch(r -> r.rowsInserted() == 0 && r.rowsUpdated() == 0);
        assertThat(reloaded.stream().mapToLong(TableLoadResult::rowsUnchanged).sum()).isEqualTo(22);
        assertThat(dumpWarehouse()).isEqualTo(before); // same ids, values and row versions (xmin)
    }

    @Test
    void aChangedRowIsUpdatedInPlace(@TempDir Path tmp) throws Exception {
        ingestAll(caseDir, RUN);
        normaliser.normalise(RUN);
        Map<String, List<Map<String, Object>>> before = dumpWarehouse();
        long o2 = id("observation", "O2");

        Files.writeString(tmp.resolve("observation.csv"), Files.readString(caseDir.resolve("observation.csv"))
                .replace("O2,P1,,LOINC,8480-6,2026-03-02T10:05:00Z,142,", "O2,P1,,LOINC,8480-6,2026-03-02T10:05:00Z,150,"));
        ingestAll(tmp, RUN2);
        TableLoadResult result = normaliser.normaliseTable("observation", RUN2);

        assertThat(result).isEqualTo(new TableLoadResult("observation", 1, 0, 1, 3, 1));
        assertThat(id("observation", "O2")).isEqualTo(o2);
        assertThat(row("observation", "O2")).containsEntry("value_num", new BigDecimal("150"));
        Map<String, List<Map<String, Object>>> after = dumpWarehouse();
        for (String table : before.keySet()) {
            if (!table.equals("observation")) {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
        }
        List<Map<String, Object>> changed = new ArrayList<>(after.get("observation"));
        changed.removeAll(before.get("observation"));
        assertThat(changed).extracting(m -> m.get("source_id")).containsExactly("O2");
    }

    @Test
    void stagingAFileAgainAfterAnUnfinishedAttemptReplacesItsRows() {
        Path patients = caseDir.resolve("patient.csv");
        FileIngestResult first = ingester.ingest(patients, RUN);
        FileIngestResult second = ingester.ingest(patients, RUN2); // not normalised in between: still 'staged'

        assertThat(second.extractFileId()).isEqualTo(first.extractFileId());
        assertThat(second.skippedUnchanged()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM staging.patient WHERE extract_file_id = :id")
                .param("id", first.extractFileId()).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT run_id, count(*) FROM qi.quarantine WHERE extract_file_id = :id GROUP BY run_id")
                .param("id", first.extractFileId()).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).list())
                .containsExactly(List.of(RUN2, 3L));
        assertThat(jdbc.sql("SELECT run_id FROM qi.extract_file WHERE id = :id").param("id", first.extractFileId())
                .query(Long.class).single()).isEqualTo(RUN2);
    }

    @Test
    void ingestJoinsTheCallersTransactionAndRollsBackWithIt() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        Path sites = caseDir.resolve("site.csv");
        long staged = tx.execute(status -> {
            FileIngestResult r = ingester.ingest(sites, RUN);
            status.setRollbackOnly();
            return r.rowsStaged();
        });
        assertThat(staged).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM qi.extract_file WHERE run_id = :run").param("run", RUN)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM staging.site WHERE source_system = :ss").param("ss", SS)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNormaliseThatRollsBackLeavesTheTableStagedForTheRerun() {
        ingester.ingest(caseDir.resolve("site.csv"), RUN);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        TableLoadResult inRolledBack = tx.execute(status -> {
            TableLoadResult r = normaliser.normaliseTable("site", RUN);
            status.setRollbackOnly(); // as if the step died after the SQL ran
            return r;
        });
        assertThat(inRolledBack.rowsInserted()).isEqualTo(2);
        assertThat(sourceIds("site")).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM qi.extract_file WHERE run_id = :run").param("run", RUN)
                .query(String.class).single()).isEqualTo("staged");

        TableLoadResult rerun = normaliser.normaliseTable("site", RUN2);
        assertThat(rerun).isEqualTo(new TableLoadResult("site", 1, 2, 0, 0, 0));
        assertThat(sourceIds("site")).containsExactly("S1", "S2");
        assertThat(jdbc.sql("SELECT count(*) FROM staging.site WHERE source_system = :ss").param("ss", SS)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aHeaderWithoutARequiredColumnRejectsTheWholeFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("encounter.csv");
        Files.writeString(file, "encounter_id,patient_id,class,admit_time\nE1,P1,inpatient,2026-03-01T08:30:00Z\n");
        assertThatThrownBy(() -> ingester.ingest(file, RUN))
                .isInstanceOf(ExtractRejectedException.class)
                .hasMessageStartingWith("encounter.csv: header lacks required column(s) site_id");
        assertThat(jdbc.sql("SELECT count(*) FROM qi.extract_file WHERE run_id = :run").param("run", RUN)
                .query(Long.class).single()).isZero();
    }

    private String quarantinedRaw(String table, long line) {
        return jdbc.sql("SELECT raw FROM qi.quarantine WHERE run_id = :run AND table_name = :t AND line_no = :l")
                .param("run", RUN).param("t", table).param("l", line).query(String.class).single();
    }

    private List<String> sourceIds(String table) {
        return jdbc.sql("SELECT source_id FROM ehr." + table + " WHERE source_system = :ss ORDER BY source_id")
                .param("ss", SS).query(String.class).list();
    }

    private long id(String table, String sourceId) {
        return jdbc.sql("SELECT id FROM ehr." + table + " WHERE source_system = :ss AND source_id = :id")
                .param("ss", SS).param("id", sourceId).query(Long.class).single();
    }

    private Map<String, Object> row(String table, String sourceId) {
        return jdbc.sql("SELECT * FROM ehr." + table + " WHERE source_system = :ss AND source_id = :id")
                .param("ss", SS).param("id", sourceId).query().singleRow();
    }

    private String time(String table, String sourceId, String column) {
        return jdbc.sql("SELECT " + column + " FROM ehr." + table + " WHERE source_system = :ss AND source_id = :id")
                .param("ss", SS).param("id", sourceId).query(OffsetDateTime.class).single()
                .withOffsetSameInstant(java.time.ZoneOffset.UTC).toString();
    }

    /** Every warehouse row of the test source system with its row version, table by table. */
    private Map<String, List<Map<String, Object>>> dumpWarehouse() {
        Map<String, List<Map<String, Object>>> dump = new LinkedHashMap<>();
        for (String table : CanonicalTables.tableNames()) {
            dump.put(table, jdbc.sql("SELECT t.xmin::text AS row_version, t.* FROM ehr." + table
                    + " t WHERE source_system = :ss ORDER BY id").param("ss", SS).query().listOfRows());
        }
        return dump;
    }
}
