package org.lhs.qi.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.ErrorRatePolicy;
import org.lhs.qi.ingest.ExtractDirectory;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.IngestSettings;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clean minimal extract loads completely; covers the tables the quarantine case does not have. */
class MinimalExtractIT {

    private static final String SS = "it-minimal";
    private static final long RUN = 7_200_001L;

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);

    @BeforeEach
    @AfterEach
    void cleanUp() {
        ExtractFixtures.cleanUp(ds, SS, RUN, RUN);
    }

    @Test
    void everyRowOfTheMinimalExtractIsLoaded() {
        ExtractFileIngester ingester = new ExtractFileIngester(ds, new IngestSettings(SS, ZoneOffset.UTC));
        List<FileIngestResult> ingested = ExtractDirectory.canonicalFiles(ExtractFixtures.folder("minimal")).stream()
                .map(f -> ingester.ingest(f, RUN)).toList();
        new ErrorRatePolicy(0.0).check(ingested, RUN);

        List<TableLoadResult> loaded = new WarehouseNormaliser(ds).normalise(RUN);
        assertThat(loaded).extracting(TableLoadResult::table, TableLoadResult::rowsInserted, TableLoadResult::rowsQuarantined)
                .containsExactly(
                        tuple("site", 2L, 0L), tuple("patient", 6L, 0L), tuple("coverage", 5L, 0L),
                        tuple("encounter", 6L, 0L), tuple("unit_stay", 2L, 0L), tuple("device_episode", 2L, 0L),
                        tuple("condition", 5L, 0L), tuple("procedure", 2L, 0L), tuple("observation", 6L, 0L),
                        tuple("medication", 2L, 0L), tuple("safety_event", 1L, 0L), tuple("survey_response", 2L, 0L),
                        tuple("request", 0L, 0L)); // FHIR-only table: nothing in a CSV extract
        new WarehouseNormaliser(ds).analyze();

        assertThat(jdbc.sql("SELECT count(*) FROM qi.quarantine WHERE run_id = :run").param("run", RUN)
                .query(Long.class).single()).isZero();
        Map<String, Object> mm2 = jdbc.sql("""
                SELECT m.kind, m.code_system, m.status, p.source_id AS patient, e.source_id AS encounter
                FROM ehr.medication m JOIN ehr.patient p ON p.id = m.patient_id JOIN ehr.encounter e ON e.id = m.encounter_id
                WHERE m.source_system = :ss AND m.source_id = 'MM2'""").param("ss", SS).query().singleRow();
        assertThat(mm2).containsExactlyInAnyOrderEntriesOf(Map.of("kind", "administration", "code_system", "RxNorm",
                "status", "completed", "patient", "MP2", "encounter", "ME2"));
        assertThat(jdbc.sql("SELECT code_system || ' ' || code || ' ' || status FROM ehr.procedure WHERE source_system = :ss ORDER BY source_id")
                .param("ss", SS).query(String.class).list())
                .containsExactly("CPT 36556 completed", "SNOMED-CT 252779009 completed");
        assertThat(jdbc.sql("""
                SELECT s.source_id, s.patient_id IS NULL, st.source_id, s.answer_num, s.answer_code
                FROM ehr.survey_response s JOIN ehr.site st ON st.id = s.site_id
                WHERE s.source_system = :ss ORDER BY s.source_id""").param("ss", SS)
                .query((rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5))).list())
                .containsExactly(java.util.Arrays.asList("MSR1", false, "SITE-A", new BigDecimal("9"), null),
                        java.util.Arrays.asList("MSR2", true, "SITE-B", null, "always"));
        assertThat(jdbc.sql("""
                SELECT d.device_type, extract(epoch FROM d.end_time - d.start_time) / 3600 FROM ehr.device_episode d
                WHERE d.source_system = :ss ORDER BY d.source_id""").param("ss", SS)
                .query((rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()).list())
                .containsExactly("urinary-catheter 65", "central-line 212");
    }
}
