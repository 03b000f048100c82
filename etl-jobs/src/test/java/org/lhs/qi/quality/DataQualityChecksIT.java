package org.lhs.qi.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every check kind on PostgreSQL against a tiny hand-made warehouse. Sites DQA and DQB; patients P1 (DQA),
 * P2 (DQA, died 2026-01-10), P3 (DQB, born 1980), P4 (DQB, no encounter); encounters E1 (P1, fine), E2 (P2,
 * admitted 2026-03-01 after death and discharged before admission), E3 (P3, admitted 1979 before birth);
 * observations O1 HbA1c 7 %, O2 HbA1c without value, O3 HbA1c 25 mmol/mol (P2), O4 HbA1c 6.5 % (P3), O5 a
 * BOGUS code system (P3).
 */
class DataQualityChecksIT {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);
    static final long RUN = 990_002;

    DataSource dataSource = TestDatabase.dataSource();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    DataQualityGate gate = new DataQualityGate(dataSource);

    @BeforeEach
    void handMadeWarehouse() {
        jdbc.sql("""
                TRUNCATE ehr.site, ehr.patient, ehr.coverage, ehr.encounter, ehr.unit_stay, ehr.device_episode,
                    ehr.condition, ehr.procedure, ehr.observation, ehr.medication, ehr.safety_event,
                    ehr.survey_response RESTART IDENTITY CASCADE""").update();
        cleanRuns();
        jdbc.sql("INSERT INTO ehr.site (source_system, source_id, name) VALUES ('dq', 'DQA', 'A'), ('dq', 'DQB', 'B')")
                .update();
        jdbc.sql("""
                INSERT INTO ehr.patient (source_system, source_id, birth_date, death_date, sex, race, ethnicity, site_id)
                SELECT 'dq', p, b::date, d::date, 'female', 'white', 'unknown', (SELECT id FROM ehr.site WHERE source_id = s)
                FROM (VALUES ('P1', '1970-01-01', NULL, 'DQA'), ('P2', '2000-01-01', '2026-01-10', 'DQA'),
                             ('P3', '1980-01-01', NULL, 'DQB'), ('P4', '1990-01-01', NULL, 'DQB')) v(p, b, d, s)""")
                .update();
        jdbc.sql("""
                INSERT INTO ehr.encounter (source_system, source_id, patient_id, site_id, class, admit_time,
                    discharge_time, discharge_disposition)
                SELECT 'dq', e, (SELECT id FROM ehr.patient WHERE source_id = p), (SELECT id FROM ehr.site WHERE source_id = s),
                    'inpatient', a::timestamptz, d::timestamptz, 'home'
                FROM (VALUES ('E1', 'P1', 'DQA', '2026-11-01T08:00:00Z', '2026-11-02T08:00:00Z'),
                             ('E2', 'P2', 'DQA', '2026-03-01T08:00:00Z', '2026-02-28T08:00:00Z'),
                             ('E3', 'P3', 'DQB', '1979-06-01T08:00:00Z', NULL)) v(e, p, s, a, d)""")
                .update();
        jdbc.sql("""
                INSERT INTO ehr.observation (source_system, source_id, patient_id, code_system, code, effective_time,
                    value_num, unit)
                SELECT 'dq', o, (SELECT id FROM ehr.patient WHERE source_id = p), cs, c, '2026-11-01T08:00:00Z',
                    v::numeric, u
                FROM (VALUES ('O1', 'P1', 'LOINC', '4548-4', '7.0', '%'), ('O2', 'P1', 'LOINC', '4548-4', NULL, '%'),
                             ('O3', 'P2', 'LOINC', '4548-4', '25', 'mmol/mol'), ('O4', 'P3', 'LOINC', '4548-4', '6.5', '%'),
                             ('O5', 'P3', 'BOGUS', 'X1', NULL, NULL)) v(o, p, cs, c, v, u)""")
                .update();
    }

    @AfterEach
    void cleanRuns() {
        jdbc.sql("DELETE FROM qi.dq_result WHERE run_id BETWEEN 990000 AND 990099").update();
        jdbc.sql("DELETE FROM qi.dq_table_count WHERE run_id BETWEEN 990000 AND 990099").update();
        jdbc.sql("DELETE FROM qi.run WHERE run_id BETWEEN 990000 AND 990099").update();
    }

    /** Runs one check and returns its outcomes by site key. */
    private Map<String, CheckOutcome> run(String yaml) {
        CheckParser.Result parsed = CheckParser.parse(Path.of("it.yaml"), "checks:\n  - " + yaml);
        assertFalse(parsed.hasErrors(), parsed.diagnostics()::toString);
        Map<String, CheckOutcome> bySite = new LinkedHashMap<>();
        gate.run(parsed.checks(), RUN, BUSINESS_DATE).outcomes().forEach(o -> bySite.put(o.siteKey(), o));
        return bySite;
    }

    @Test
    void requiredSharePerSiteFindsTheMissingValue() throws Exception {
        Map<String, CheckOutcome> r = run("{id: a1c, description: d, kind: required-share, table: observation,"
                + " column: value_num, codes: [4548-4, 17856-6], threshold: 0.9, severity: critical, per-site: true}");
        assertThat(r.keySet()).containsExactly("ALL", "DQA", "DQB");
        // DQA: O1, O2, O3 → 2 of 3 have a value; DQB: O4 → 1 of 1; ALL 3 of 4
        assertEquals(2.0 / 3, r.get("DQA").observed(), 1e-12);
        assertFalse(r.get("DQA").passed());
        assertEquals(List.of("O2"), r.get("DQA").sampleSourceIds());
        assertEquals(1.0, r.get("DQB").observed(), 1e-12);
        assertEquals(true, r.get("DQB").passed());
        assertEquals(0.75, r.get("ALL").observed(), 1e-12);
        // the verdict is stored with its sample ids
        Map<String, Object> row = jdbc.sql("SELECT * FROM qi.dq_result WHERE run_id = :r AND site_key = 'DQA'")
                .param("r", RUN).query().singleRow();
        assertEquals("a1c", row.get("check_id"));
        assertEquals("observation", row.get("table_name"));
        assertEquals("critical", row.get("severity"));
        assertEquals(false, row.get("passed"));
        assertEquals(3L, ((Number) row.get("rows_checked")).longValue());
        assertEquals(1L, ((Number) row.get("rows_offending")).longValue());
        assertEquals(0.9, ((Number) row.get("threshold")).doubleValue(), 1e-12);
        assertEquals(List.of("O2"), List.of((Object[]) ((java.sql.Array) row.get("sample_source_ids")).getArray()));
    }

    @Test
    void patientsWithEncounterShare() {
        Map<String, CheckOutcome> r = run("{id: pe, description: d, kind: patients-with-encounter-share,"
                + " threshold: 0.8, severity: warning, per-site: true}");
        assertEquals(1.0, r.get("DQA").observed(), 1e-12);
        assertEquals(0.5, r.get("DQB").observed(), 1e-12);
        assertEquals(List.of("P4"), r.get("DQB").sampleSourceIds());
        assertEquals(0.75, r.get("ALL").observed(), 1e-12);
        assertFalse(r.get("ALL").passed());
        assertEquals("patient", r.get("ALL").tableName());
    }

    @Test
    void codeSystemConformance() {
        CheckOutcome o = run("{id: cs, description: d, kind: code-system-conformance, table: observation,"
                + " threshold: 0.1, severity: critical}").get("ALL");
        assertEquals(0.2, o.observed(), 1e-12);
        assertEquals(List.of("O5"), o.sampleSourceIds());
        assertFalse(o.passed());
    }

    @Test
    void unitConformanceLooksAtNumericValuesOfTheCodesOnly() {
        CheckOutcome o = run("{id: u, description: d, kind: unit-conformance, codes: [4548-4], unit: '%',"
                + " threshold: 0.02, severity: critical}").get("ALL");
        // O1, O3, O4 have values; O3 is in mmol/mol
        assertEquals(3L, o.rowsChecked());
        assertEquals(List.of("O3"), o.sampleSourceIds());
        assertEquals(1.0 / 3, o.observed(), 1e-12);
    }

    @Test
    void valueRange() {
        CheckOutcome o = run("{id: v, description: d, kind: value-range, codes: [4548-4], min: 3, max: 20,"
                + " threshold: 0.01, severity: critical}").get("ALL");
        assertEquals(1L, o.rowsOffending());
        assertEquals(List.of("O3"), o.sampleSourceIds());
        CheckOutcome wide = run("{id: v, description: d, kind: value-range, codes: [4548-4], max: 25,"
                + " threshold: 0, severity: critical}").get("ALL");
        assertEquals(0L, wide.rowsOffending(), "25 is on the boundary");
    }

    @Test
    void temporalOrderRules() {
        CheckOutcome discharge = run("{id: t1, description: d, kind: temporal-order, rule: discharge-after-admission,"
                + " threshold: 0, severity: critical}").get("ALL");
        assertEquals(2L, discharge.rowsChecked(), "E3 has no discharge");
        assertEquals(List.of("E2"), discharge.sampleSourceIds());
        CheckOutcome birth = run("{id: t2, description: d, kind: temporal-order, rule: birth-before-event,"
                + " table: encounter, threshold: 0, severity: critical}").get("ALL");
        assertEquals(List.of("E3"), birth.sampleSourceIds());
        // E2 on 2026-03-01 is 50 days after death on 2026-01-10
        CheckOutcome death30 = run("{id: t3, description: d, kind: temporal-order, rule: no-event-after-death,"
                + " table: encounter, grace-days: 30, threshold: 0, severity: critical}").get("ALL");
        assertEquals(List.of("E2"), death30.sampleSourceIds());
        CheckOutcome death60 = run("{id: t3, description: d, kind: temporal-order, rule: no-event-after-death,"
                + " table: encounter, grace-days: 60, threshold: 0, severity: critical}").get("ALL");
        assertEquals(0L, death60.rowsOffending());
        assertEquals(true, death60.passed());
    }

    @Test
    void freshnessPerSite() {
        Map<String, CheckOutcome> r = run("{id: f, description: d, kind: freshness, table: encounter, threshold: 30,"
                + " severity: critical, per-site: true}");
        // latest DQA encounter 2026-11-01 → 22 days; DQB only 1979-06-01
        assertEquals(22.0, r.get("DQA").observed());
        assertEquals(true, r.get("DQA").passed());
        assertEquals(22.0, r.get("ALL").observed());
        assertFalse(r.get("DQB").passed());
    }

    @Test
    void tableNotEmpty() {
        assertEquals(5.0, run("{id: n, description: d, kind: table-not-empty, table: observation, severity: critical}")
                .get("ALL").observed());
        CheckOutcome procedures = run("{id: n, description: d, kind: table-not-empty, table: procedure,"
                + " severity: critical}").get("ALL");
        assertFalse(procedures.passed());
        assertEquals(true, procedures.blocksRun());
    }

    @Test
    void volumeChangeAgainstTheLatestCompletedRun() {
        // run 990000 completed with encounters ALL 6, DQA 2, DQB 4, DQC 5; run 990001 failed (ignored)
        jdbc.sql("INSERT INTO qi.run (run_id, job_instance_id, business_date, status) VALUES"
                + " (990000, 1, '2026-11-22', 'COMPLETED'), (990001, 1, '2026-11-23', 'FAILED')").update();
        jdbc.sql("""
                INSERT INTO qi.dq_table_count (run_id, business_date, table_name, site_key, row_count) VALUES
                  (990000, '2026-11-22', 'encounter', 'ALL', 6), (990000, '2026-11-22', 'encounter', 'DQA', 2),
                  (990000, '2026-11-22', 'encounter', 'DQB', 4), (990000, '2026-11-22', 'encounter', 'DQC', 5),
                  (990001, '2026-11-23', 'encounter', 'ALL', 100)""").update();
        Map<String, CheckOutcome> r = run("{id: vol, description: d, kind: volume-change, table: encounter,"
                + " threshold: 0.3, severity: critical, per-site: true}");
        // now ALL 3, DQA 2, DQB 1, DQC gone
        assertEquals(0.5, r.get("ALL").observed(), 1e-12);
        assertEquals(0.0, r.get("DQA").observed(), 1e-12);
        assertEquals(true, r.get("DQA").passed());
        assertEquals(0.75, r.get("DQB").observed(), 1e-12);
        assertEquals(1.0, r.get("DQC").observed(), 1e-12);
        assertFalse(r.get("DQC").passed());
        assertThat(r.get("DQB").message()).contains("in run 990000");
        // the run's own counts were recorded for the next run
        assertEquals(3L, jdbc.sql("SELECT row_count FROM qi.dq_table_count WHERE run_id = :r AND table_name = 'encounter'"
                + " AND site_key = 'ALL'").param("r", RUN).query(Long.class).single());
    }
}
