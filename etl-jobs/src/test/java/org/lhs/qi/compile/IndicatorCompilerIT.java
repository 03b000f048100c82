package org.lhs.qi.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.definition.ValueSetLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Compiles each starter definition and runs it on a small hand-made warehouse (inserted in a transaction
 * that is rolled back), asserting each subject's qi.member row against hand-worked expectations.
 */
class IndicatorCompilerIT {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 1, 1);
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 1, 15);

    private final DefinitionSet library = DefinitionRepository.load(Path.of("../indicator-definitions"));
    private Connection con;
    private SingleConnectionDataSource ds;
    private JdbcClient jdbc;
    private final Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void openTransaction() throws Exception {
        con = TestDatabase.dataSource().getConnection();
        con.setAutoCommit(false);
        ds = new SingleConnectionDataSource(con, true);
        jdbc = JdbcClient.create(ds);
        jdbc.sql("SET LOCAL TIME ZONE 'UTC'").update();
        ValueSetLoader.load(ds, library.valueSets());
        insertWarehouse();
    }

    @AfterEach
    void rollBack() throws Exception {
        con.rollback();
        con.close();
    }

    @Test
    void diabetesPoorControl() {
        Map<String, Map<String, Object>> m = run("diabetes-hba1c-poor-control", "patient");
        assertFlags(m.get("P1"), true, false, true);   // latest HbA1c 9.5 % > 9
        assertFlags(m.get("P2"), true, false, false);  // 8.0 %
        assertFlags(m.get("P3"), true, false, true);   // no HbA1c at all
        assertFlags(m.get("P5"), true, false, false);  // latest is 80 mmol/mol: wrong unit, neither > 9 % nor missing
        assertThat(m).doesNotContainKey("P4");          // 80 years old on 2025-12-31
        assertThat(m).doesNotContainKey("P6");          // no diabetes

        Map<String, Object> p1 = m.get("P1");
        assertThat(p1.get("subject_type")).isEqualTo("patient");
        assertThat(p1.get("site_id")).isEqualTo(ids.get("site:S1"));
        assertThat(p1).containsEntry("sex", "female").containsEntry("race", "white").containsEntry("age_band", "50-64")
                .containsEntry("payer", "medicare").containsEntry("language", "es").containsEntry("deprivation", "2");
        assertThat(p1.get("evidence").toString()).contains("\"hba1c\"").contains("\"value\": 9.5").contains("\"unit\": \"%\"");
        assertThat(m.get("P2")).containsEntry("payer", "uninsured").containsEntry("language", "unknown")
                .containsEntry("deprivation", "unknown").containsEntry("age_band", "50-64");
        assertThat(m.get("P3").get("evidence").toString()).isEqualTo("{}");
        assertThat(p1.get("numerator_count")).isNull();
    }

    @Test
    void controllingBloodPressure() {
        Map<String, Map<String, Object>> m = run("controlling-high-blood-pressure", "patient");
        assertFlags(m.get("P6"), true, false, true);   // 150 then 130 / 85: latest both below
        assertFlags(m.get("P7"), true, true, false);   // ESRD: excluded, so never in the numerator
        assertFlags(m.get("P8"), true, false, false);  // no diastolic reading
        assertThat(m).doesNotContainKeys("P1", "P2", "P3", "P4", "P5");
        assertThat(m.get("P6").get("evidence").toString()).contains("\"systolic-bp\"").contains("\"value\": 130");
    }

    @Test
    void fallsWithInjury() {
        Map<String, Map<String, Object>> m = run("falls-with-injury", "encounter");
        Map<String, Object> e1 = m.get("E1");
        assertThat(e1).containsEntry("initial_population", true).containsEntry("numerator", true);
        assertThat((BigDecimal) e1.get("numerator_count")).isEqualByComparingTo("1"); // severe fall; the harm-none one not
        assertThat((BigDecimal) e1.get("exposure")).isEqualByComparingTo("3");         // 3 days of unit stays
        assertThat(e1.get("patient_id")).isEqualTo(ids.get("patient:P1"));
        assertThat(e1.get("site_id")).isEqualTo(ids.get("site:S2"));                    // the encounter's site
        assertThat((BigDecimal) m.get("E2").get("numerator_count")).isEqualByComparingTo("0");
        assertThat((BigDecimal) m.get("E2").get("exposure")).isEqualByComparingTo("0.5"); // 12 hours
        assertThat(m.get("E2")).containsEntry("numerator", false);
        assertThat(m).doesNotContainKeys("E3", "V1"); // E3 has no unit stay; V1 is ambulatory
    }

    @Test
    void readmission() {
        Map<String, Map<String, Object>> m = run("readmission-30-day", "encounter");
        assertFlags(m.get("E2"), true, false, true);   // E3 admitted 19 days after discharge
        assertFlags(m.get("E3"), true, false, false);  // nothing after E3
        assertFlags(m.get("E1"), true, false, false);  // E2 came 86 days later
        assertThat(m).doesNotContainKey("V1");
    }

    private static void assertFlags(Map<String, Object> row, boolean den, boolean denex, boolean num) {
        assertThat(row).as("member row").isNotNull();
        assertThat(row).containsEntry("initial_population", true).containsEntry("denominator", den)
                .containsEntry("denominator_exclusion", denex).containsEntry("denominator_exception", false)
                .containsEntry("numerator", num).containsEntry("numerator_exclusion", false);
    }

    /** Runs the compiled indicator and returns member rows keyed by the subject's source id. */
    private Map<String, Map<String, Object>> run(String id, String subjectTable) {
        IndicatorDefinition d = library.find(id).orElseThrow();
        CompiledIndicator c = new IndicatorCompiler().compile(d);
        jdbc.sql(c.sql()).params(c.bindings(BUSINESS_DATE, 4242L,
                List.of(new CompiledIndicator.Period("month", START, END)))).update();
        Map<String, Map<String, Object>> bySource = new HashMap<>();
        for (Map<String, Object> row : jdbc.sql("""
                SELECT x.source_id, m.* FROM qi.member m JOIN ehr.%s x ON x.id = m.subject_id
                WHERE m.business_date = :bd AND m.indicator_id = :id AND x.source_system = 'compiler-it'"""
                .formatted(subjectTable)).param("bd", BUSINESS_DATE).param("id", id).query().listOfRows()) {
            assertThat(row.get("period_start").toString()).isEqualTo("2025-01-01");
            assertThat(row.get("run_id")).isEqualTo(4242L);
            bySource.put((String) row.get("source_id"), row);
        }
        return bySource;
    }

    private void insertWarehouse() {
        site("S1");
        site("S2");
        patient("P1", "1970-05-01", "female", "es", 2);
        patient("P2", "1965-02-10", "male", null, null);
        patient("P3", "1980-11-30", "female", "en", 5);
        patient("P4", "1945-03-01", "male", "en", 3);
        patient("P5", "1972-01-01", "male", "en", 3);
        patient("P6", "1960-01-01", "female", "en", 1);
        patient("P7", "1960-01-01", "male", "en", 1);
        patient("P8", "1960-01-01", "male", "en", 1);
        jdbc.sql("""
                INSERT INTO ehr.coverage (source_system, source_id, patient_id, payer_type, start_date)
                VALUES ('compiler-it', 'C1', :p, 'medicare', DATE '2020-01-01')""").param("p", ids.get("patient:P1")).update();
        for (String p : List.of("P1", "P2", "P3", "P4", "P5")) {
            condition(p + "-dm", p, "E11.9", "2019-01-01T00:00:00Z");
        }
        for (String p : List.of("P6", "P7", "P8")) {
            condition(p + "-htn", p, "I10", "2015-01-01T00:00:00Z");
        }
        condition("P7-esrd", "P7", "N18.6", "2023-01-01T00:00:00Z");
        for (String p : List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8")) {
            encounter("V-" + p, p, "S1", "ambulatory", "2025-04-01T09:00:00Z", null, null);
        }
        encounter("V1", "P1", "S1", "ambulatory", "2025-04-02T09:00:00Z", null, null);
        observation("P1-a1c", "P1", "4548-4", "2025-06-01T08:00:00Z", "9.5", "%");
        observation("P2-a1c", "P2", "17856-6", "2025-06-01T08:00:00Z", "8.0", "%");
        observation("P5-a1c-old", "P5", "4548-4", "2025-02-01T08:00:00Z", "7.0", "%");
        observation("P5-a1c", "P5", "4548-4", "2025-06-01T08:00:00Z", "80", "mmol/mol");
        observation("P6-sys-1", "P6", "8480-6", "2025-03-01T08:00:00Z", "150", "mm[Hg]");
        observation("P6-sys-2", "P6", "8480-6", "2025-09-01T08:00:00Z", "130", "mm[Hg]");
        observation("P6-dia", "P6", "8462-4", "2025-09-01T08:00:00Z", "85", "mm[Hg]");
        observation("P7-sys", "P7", "8480-6", "2025-09-01T08:00:00Z", "120", "mm[Hg]");
        observation("P7-dia", "P7", "8462-4", "2025-09-01T08:00:00Z", "70", "mm[Hg]");
        observation("P8-sys", "P8", "8480-6", "2025-09-01T08:00:00Z", "120", "mm[Hg]");

        encounter("E1", "P1", "S2", "inpatient", "2025-02-01T00:00:00Z", "2025-02-04T00:00:00Z", "home");
        unitStay("U1", "E1", "2025-02-01T00:00:00Z", "2025-02-02T12:00:00Z");
        unitStay("U2", "E1", "2025-02-02T12:00:00Z", "2025-02-04T00:00:00Z");
        safetyEvent("F1", "E1", "severe", "2025-02-02T03:00:00Z");
        safetyEvent("F2", "E1", "none", "2025-02-03T03:00:00Z");
        encounter("E2", "P1", "S2", "inpatient", "2025-04-30T12:00:00Z", "2025-05-01T00:00:00Z", "home");
        unitStay("U3", "E2", "2025-04-30T12:00:00Z", "2025-05-01T00:00:00Z");
        encounter("E3", "P1", "S2", "inpatient", "2025-05-20T00:00:00Z", "2025-05-22T00:00:00Z", "home");
    }

    private void site(String id) {
        ids.put("site:" + id, jdbc.sql("INSERT INTO ehr.site (source_system, source_id, name) VALUES ('compiler-it', :id, :id) RETURNING id")
                .param("id", id).query(Long.class).single());
    }

    private void patient(String id, String birth, String sex, String language, Integer quintile) {
        ids.put("patient:" + id, jdbc.sql("""
                INSERT INTO ehr.patient (source_system, source_id, birth_date, sex, race, ethnicity, language,
                                         deprivation_quintile, site_id)
                VALUES ('compiler-it', :id, CAST(:birth AS date), :sex, 'white', 'not-hispanic-or-latino', :lang, :q, :site)
                RETURNING id""").param("id", id).param("birth", birth).param("sex", sex).param("lang", language)
                .param("q", quintile).param("site", ids.get("site:S1")).query(Long.class).single());
    }

    private void condition(String id, String patient, String code, String onset) {
        jdbc.sql("""
                INSERT INTO ehr.condition (source_system, source_id, patient_id, code_system, code, onset_time)
                VALUES ('compiler-it', :id, :p, 'ICD-10-CM', :code, CAST(:onset AS timestamptz))""")
                .param("id", id).param("p", ids.get("patient:" + patient)).param("code", code).param("onset", onset).update();
    }

    private void encounter(String id, String patient, String site, String cls, String admit, String discharge, String disp) {
        ids.put("encounter:" + id, jdbc.sql("""
                INSERT INTO ehr.encounter (source_system, source_id, patient_id, site_id, class, admit_time,
                                           discharge_time, discharge_disposition)
                VALUES ('compiler-it', :id, :p, :s, :cls, CAST(:admit AS timestamptz), CAST(:dis AS timestamptz), :disp)
                RETURNING id""").param("id", id).param("p", ids.get("patient:" + patient))
                .param("s", ids.get("site:" + site)).param("cls", cls).param("admit", admit).param("dis", discharge)
                .param("disp", disp).query(Long.class).single());
    }

    private void observation(String id, String patient, String loinc, String time, String value, String unit) {
        jdbc.sql("""
                INSERT INTO ehr.observation (source_system, source_id, patient_id, code_system, code, effective_time,
                                             value_num, unit)
                VALUES ('compiler-it', :id, :p, 'LOINC', :code, CAST(:t AS timestamptz), CAST(:v AS numeric), :u)""")
                .param("id", id).param("p", ids.get("patient:" + patient)).param("code", loinc).param("t", time)
                .param("v", value).param("u", unit).update();
    }

    private void unitStay(String id, String encounter, String start, String end) {
        jdbc.sql("""
                INSERT INTO ehr.unit_stay (source_system, source_id, encounter_id, patient_id, site_id, unit, start_time, end_time)
                SELECT 'compiler-it', :id, e.id, e.patient_id, e.site_id, 'MED', CAST(:s AS timestamptz), CAST(:e AS timestamptz)
                FROM ehr.encounter e WHERE e.id = :enc""")
                .param("id", id).param("enc", ids.get("encounter:" + encounter)).param("s", start).param("e", end).update();
    }

    private void safetyEvent(String id, String encounter, String harm, String time) {
        jdbc.sql("""
                INSERT INTO ehr.safety_event (source_system, source_id, patient_id, encounter_id, site_id, event_type,
                                              harm_level, event_time)
                SELECT 'compiler-it', :id, e.patient_id, e.id, e.site_id, 'fall', :harm, CAST(:t AS timestamptz)
                FROM ehr.encounter e WHERE e.id = :enc""")
                .param("id", id).param("enc", ids.get("encounter:" + encounter)).param("harm", harm).param("t", time).update();
    }
}
