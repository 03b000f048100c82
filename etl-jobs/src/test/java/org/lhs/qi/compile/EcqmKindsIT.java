package org.lhs.qi.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionParser;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.definition.ValueSetLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Every eCQM criterion kind on PostgreSQL: the fixture {@code valid/ecqm-kinds.yaml} (CSV value sets) runs for 2025 on
 * hand-made warehouse rows with the eCQM columns (encounter status and type codes, clinical/verification status,
 * request intent, ...), which test-case records cannot express; each patient's flags are worked out by hand below.
 * Independent of the official decks in {@code ../shared}. All rows are rolled back.
 */
class EcqmKindsIT {

    private static final String SRC = "ecqm-kinds-it";
    private static final long RUN = -71L;
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 1, 1);

    private JdbcClient jdbc;
    private long site;
    private int seq;

    @Test
    void everyEcqmKindSelectsTheHandWorkedPatients() throws Exception {
        Path base = Path.of("src/test/resources/definitions");
        DefinitionParser.Result r = DefinitionParser.parse(base.resolve("valid/ecqm-kinds.yaml"), base);
        assertThat(r.diagnostics()).isEmpty();
        IndicatorDefinition d = r.definition();
        CompiledIndicator compiled = new IndicatorCompiler().compile(d);
        DataSource ds = TestDatabase.dataSource();
        ValueSetLoader.load(ds, d.valueSets().values());

        Map<String, String> expected = new LinkedHashMap<>(); // patient → "IP DEN DENEX DENEXCEP NUM NUMEX", absent = no row
        Map<String, String> actual = new LinkedHashMap<>();
        try (Connection con = ds.getConnection()) {
            con.setAutoCommit(false);
            try {
                jdbc = JdbcClient.create(new SingleConnectionDataSource(con, true));
                jdbc.sql("SET LOCAL TIME ZONE 'UTC'").update();
                site = jdbc.sql("INSERT INTO ehr.site (source_system, source_id, name) VALUES (:s, 'site', 'Site') RETURNING id")
                        .param("s", SRC).query(Long.class).single();
                Map<String, Long> ids = new LinkedHashMap<>();
                records(ids, expected);

                jdbc.sql(compiled.sql()).params(compiled.bindings(END, RUN,
                        List.of(new CompiledIndicator.Period("test-case", START, END)))).update();

                ids.forEach((name, id) -> jdbc.sql("""
                        SELECT initial_population, denominator, denominator_exclusion, denominator_exception, numerator,
                               numerator_exclusion
                        FROM qi.member WHERE run_id = :run AND indicator_id = :ind AND subject_id = :id""")
                        .param("run", RUN).param("ind", d.id()).param("id", id).query().listOfRows().stream().findFirst()
                        .ifPresent(row -> actual.put(name, String.join(" ", row.values().stream()
                                .map(v -> Boolean.TRUE.equals(v) ? "1" : "0").toList()))));
            } finally {
                con.rollback();
            }
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    /** The patients, their rows and their hand-worked flags (IP DEN DENEX DENEXCEP NUM NUMEX). */
    private void records(Map<String, Long> ids, Map<String, String> expected) {
        // --- initial population: age 18-75 on 2025-12-31 and a finished office/telephone visit within 2025
        long p = patient(ids, "too-old", "1945-06-01");            // 80 years old
        visit(p, "99213", "finished", "2025-03-01T09:00:00Z", "2025-03-01T09:30:00Z", null);
        p = patient(ids, "cancelled-visit", "1970-01-01");         // not finished
        visit(p, "99213", "cancelled", "2025-03-01T09:00:00Z", "2025-03-01T09:30:00Z", null);
        p = patient(ids, "open-visit", "1970-01-01");              // no discharge: the period runs on past the year
        visit(p, "99213", "finished", "2025-06-01T09:00:00Z", null, null);

        p = patient(ids, "telephone-no-diabetes", "1970-01-01");   // the telehealth set of the union; diabetes only in 2026
        visit(p, "99441", "finished", "2025-03-01T09:00:00Z", "2025-03-01T09:30:00Z", null);
        condition(p, "2026-02-01T00:00:00Z", null, "active", null);
        expected.put("telephone-no-diabetes", "1 0 0 0 0 0");

        // --- denominator: diagnosis prevalence overlaps 2025, verified
        p = inIp(ids, "diabetes-inactive");                         // no abatement but inactive: end unknown, no match
        condition(p, "2020-01-01T00:00:00Z", null, "inactive", null);
        expected.put("diabetes-inactive", "1 0 0 0 0 0");
        p = inIp(ids, "diabetes-refuted");
        condition(p, "2020-01-01T00:00:00Z", null, "active", "refuted");
        expected.put("diabetes-refuted", "1 0 0 0 0 0");
        p = inIp(ids, "diabetes-abated-2024");
        condition(p, "2020-01-01T00:00:00Z", "2024-12-31T23:00:00Z", "resolved", "confirmed");
        expected.put("diabetes-abated-2024", "1 0 0 0 0 0");

        // --- numerator: lowest HbA1c on the latest day with a reading in 2025 is > 9 % (or has no value)
        p = denominator(ids, "lowest-of-the-day-wins");            // latest day 2025-11-03: 9.5 and 8.0 → 8.0
        hba1c(p, "2025-05-01T08:00:00Z", "10.0", "%", "final");
        hba1c(p, "2025-11-03T08:00:00Z", "9.5", "%", "final");
        hba1c(p, "2025-11-03T15:00:00Z", "8.0", "%", "amended");
        expected.put("lowest-of-the-day-wins", "1 1 0 0 0 0");
        p = denominator(ids, "poor-control");                       // 9.5 and 10 on 11-03; 2026 reading and a cancelled one ignored
        hba1c(p, "2025-11-03T08:00:00Z", "9.5", "%", "final");
        hba1c(p, "2025-11-03T15:00:00Z", "10.0", "%", "corrected");
        hba1c(p, "2025-12-01T08:00:00Z", "4.0", "%", "cancelled");
        hba1c(p, "2026-01-05T08:00:00Z", "5.0", "%", "final");
        expected.put("poor-control", "1 1 0 0 1 0");
        p = denominator(ids, "result-without-value");               // missing-value: true
        hba1c(p, "2025-12-01T08:00:00Z", null, null, "final");
        expected.put("result-without-value", "1 1 0 0 1 0");
        p = denominator(ids, "other-unit");                          // 9.8 mmol/mol does not pass a test in %
        hba1c(p, "2025-12-01T08:00:00Z", "9.8", "mmol/mol", "final");
        expected.put("other-unit", "1 1 0 0 0 0");

        // --- denominator exclusions (each would be in the numerator: 9.5 % on 2025-11-01)
        p = poorControl(ids, "dialysis");
        procedure(p, "2025-04-01T10:00:00Z", "completed");
        expected.put("dialysis", "1 1 1 0 0 0");
        p = poorControl(ids, "dialysis-not-done");
        procedure(p, "2025-04-01T10:00:00Z", "not-done");
        expected.put("dialysis-not-done", "1 1 0 0 1 0");
        p = poorControl(ids, "insulin-into-2025");                   // request period 2024-12-01..2025-01-15 overlaps
        insulin(p, "2024-12-01T00:00:00Z", "2025-01-15T00:00:00Z", "order");
        expected.put("insulin-into-2025", "1 1 1 0 0 0");
        p = poorControl(ids, "insulin-unknown-end");                 // no supply information: period unknown
        insulin(p, "2025-02-01T00:00:00Z", null, "order");
        expected.put("insulin-unknown-end", "1 1 0 0 1 0");
        p = poorControl(ids, "insulin-proposal");                    // not an order intent
        insulin(p, "2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z", "proposal");
        expected.put("insulin-proposal", "1 1 0 0 1 0");
        p = poorControl(ids, "wheelchair-2024");                     // extend-back 1 year: 2024-06 is in the window
        request(p, "device", "183240000", "2024-06-01T10:00:00Z", false);
        expected.put("wheelchair-2024", "1 1 1 0 0 0");
        p = poorControl(ids, "wheelchair-do-not-perform");
        request(p, "device", "183240000", "2025-06-01T10:00:00Z", true);
        expected.put("wheelchair-do-not-perform", "1 1 0 0 1 0");
        p = poorControl(ids, "hospice-order-march");                 // first 6 months of 2025
        request(p, "service", "385763009", "2025-03-01T10:00:00Z", false);
        expected.put("hospice-order-march", "1 1 1 0 0 0");
        p = poorControl(ids, "hospice-order-august");                // after the first 6 months
        request(p, "service", "385763009", "2025-08-01T10:00:00Z", false);
        expected.put("hospice-order-august", "1 1 0 0 1 0");
        p = poorControl(ids, "discharged-to-hospice");               // an office visit ending in 2025 with a hospice disposition
        visit(p, "99213", "finished", "2025-10-01T09:00:00Z", "2025-10-01T10:00:00Z", "428361000124107");
        expected.put("discharged-to-hospice", "1 1 1 0 0 0");
        p = poorControl(ids, "nursing-home");                        // latest housing status: lives in a nursing home
        observation(p, null, "LOINC", "71802-3", "2025-02-01T10:00:00Z", null, null, "160734000", "final");
        observation(p, null, "LOINC", "71802-3", "2025-09-01T10:00:00Z", null, null, "160734000", "final");
        expected.put("nursing-home", "1 1 1 0 0 0");
        p = poorControl(ids, "moved-out-of-nursing-home");           // the latest status is another one
        observation(p, null, "LOINC", "71802-3", "2025-02-01T10:00:00Z", null, null, "160734000", "final");
        observation(p, null, "LOINC", "71802-3", "2025-09-01T10:00:00Z", null, null, "32911000", "final");
        expected.put("moved-out-of-nursing-home", "1 1 0 0 1 0");

        // --- denominator exception: a preliminary positive HbA1c, unless in the numerator
        p = denominator(ids, "preliminary-positive");
        observation(p, null, "LOINC", "4548-4", "2025-06-01T08:00:00Z", null, null, "10828004", "preliminary");
        expected.put("preliminary-positive", "1 1 0 1 0 0");
        p = poorControl(ids, "preliminary-positive-and-poor");
        observation(p, null, "LOINC", "4548-4", "2025-06-01T08:00:00Z", null, null, "10828004", "preliminary");
        expected.put("preliminary-positive-and-poor", "1 1 0 0 1 0");

        // --- numerator exclusion: lowest systolic on the latest qualifying BP day < 140; inpatient days do not qualify
        p = poorControl(ids, "bp-controlled");                        // Oct 130 (ambulatory) counts, Dec 150 (inpatient) not
        bloodPressure(p, ambulatory(p, "2025-10-01T09:00:00Z"), "2025-10-01T09:10:00Z", "130");
        bloodPressure(p, inpatientStay(p, "2025-12-10T09:00:00Z", "2025-12-12T09:00:00Z"), "2025-12-11T09:00:00Z", "150");
        expected.put("bp-controlled", "1 1 0 0 1 1");
        p = poorControl(ids, "bp-controlled-only-in-hospital");       // Oct 150 counts, Dec 120 (inpatient) not
        bloodPressure(p, ambulatory(p, "2025-10-01T09:00:00Z"), "2025-10-01T09:10:00Z", "150");
        bloodPressure(p, inpatientStay(p, "2025-12-10T09:00:00Z", "2025-12-12T09:00:00Z"), "2025-12-11T09:00:00Z", "120");
        expected.put("bp-controlled-only-in-hospital", "1 1 0 0 1 0");
    }

    private long inIp(Map<String, Long> ids, String name) {
        long p = patient(ids, name, "1970-01-01");
        visit(p, "99213", "finished", "2025-03-01T09:00:00Z", "2025-03-01T09:30:00Z", null);
        return p;
    }

    private long denominator(Map<String, Long> ids, String name) {
        long p = inIp(ids, name);
        condition(p, "2020-01-01T00:00:00Z", null, "active", "confirmed");
        return p;
    }

    private long poorControl(Map<String, Long> ids, String name) {
        long p = denominator(ids, name);
        hba1c(p, "2025-11-01T08:00:00Z", "9.5", "%", "final");
        return p;
    }

    private long patient(Map<String, Long> ids, String name, String birth) {
        long id = jdbc.sql("""
                INSERT INTO ehr.patient (source_system, source_id, birth_date, sex, race, ethnicity, site_id)
                VALUES (:s, :id, :birth, 'female', 'white', 'unknown', :site) RETURNING id""")
                .param("s", SRC).param("id", name).param("birth", LocalDate.parse(birth)).param("site", site)
                .query(Long.class).single();
        ids.put(name, id);
        return id;
    }

    private long encounter(long patient, String cls, String status, String admit, String discharge, String disposition) {
        return jdbc.sql("""
                INSERT INTO ehr.encounter (source_system, source_id, patient_id, site_id, class, admit_time, discharge_time,
                    status, discharge_disposition_system, discharge_disposition_code)
                VALUES (:s, :id, :p, :site, :cls, :admit, :discharge, :status, :dsys, :dcode) RETURNING id""")
                .param("s", SRC).param("id", "e" + ++seq).param("p", patient).param("site", site).param("cls", cls)
                .param("admit", t(admit)).param("discharge", t(discharge)).param("status", status)
                .param("dsys", disposition == null ? null : "SNOMED-CT").param("dcode", disposition)
                .query(Long.class).single();
    }

    private void type(long encounter, String system, String code) {
        jdbc.sql("INSERT INTO ehr.encounter_type (encounter_id, code_system, code) VALUES (:e, :sys, :code)")
                .param("e", encounter).param("sys", system).param("code", code).update();
    }

    private void visit(long patient, String cpt, String status, String admit, String discharge, String disposition) {
        type(encounter(patient, "ambulatory", status, admit, discharge, disposition), "CPT", cpt);
    }

    private long ambulatory(long patient, String admit) {
        return encounter(patient, "ambulatory", "finished", admit, admit.replace("T09:", "T10:"), null);
    }

    private long inpatientStay(long patient, String admit, String discharge) {
        long e = encounter(patient, "inpatient", "finished", admit, discharge, null);
        type(e, "SNOMED-CT", "183452005");
        return e;
    }

    private void condition(long patient, String onset, String abatement, String clinical, String verification) {
        jdbc.sql("""
                INSERT INTO ehr.condition (source_system, source_id, patient_id, code_system, code, onset_time, abatement_time,
                    clinical_status, verification_status)
                VALUES (:s, :id, :p, 'ICD-10-CM', 'E11.9', :onset, :abate, :clinical, :verification)""")
                .param("s", SRC).param("id", "c" + ++seq).param("p", patient).param("onset", t(onset))
                .param("abate", t(abatement)).param("clinical", clinical).param("verification", verification).update();
    }

    private void hba1c(long patient, String time, String value, String unit, String status) {
        observation(patient, null, "LOINC", "4548-4", time, value, unit, null, status);
    }

    private void bloodPressure(long patient, long encounter, String time, String systolic) {
        observation(patient, encounter, "LOINC", "85354-9", time, null, null, null, "final");
        observation(patient, encounter, "LOINC", "8480-6", time, systolic, "mm[Hg]", null, "final");
    }

    private void observation(long patient, Long encounter, String system, String code, String time, String value,
                             String unit, String snomedValue, String status) {
        jdbc.sql("""
                INSERT INTO ehr.observation (source_system, source_id, patient_id, encounter_id, code_system, code,
                    effective_time, value_num, unit, value_code_system, value_code, status)
                VALUES (:s, :id, :p, :e, :sys, :code, :time, :num, :unit, :vsys, :vcode, :status)""")
                .param("s", SRC).param("id", "o" + ++seq).param("p", patient).param("e", encounter).param("sys", system)
                .param("code", code).param("time", t(time)).param("num", value == null ? null : new BigDecimal(value))
                .param("unit", unit).param("vsys", snomedValue == null ? null : "SNOMED-CT").param("vcode", snomedValue)
                .param("status", status).update();
    }

    private void procedure(long patient, String time, String status) {
        jdbc.sql("""
                INSERT INTO ehr.procedure (source_system, source_id, patient_id, code_system, code, performed_time, status)
                VALUES (:s, :id, :p, 'CPT', '90935', :time, :status)""")
                .param("s", SRC).param("id", "x" + ++seq).param("p", patient).param("time", t(time)).param("status", status)
                .update();
    }

    private void insulin(long patient, String start, String end, String intent) {
        jdbc.sql("""
                INSERT INTO ehr.medication (source_system, source_id, patient_id, kind, code_system, code, start_time, end_time,
                    status, intent)
                VALUES (:s, :id, :p, 'order', 'RxNorm', '5856', :start, :end, 'active', :intent)""")
                .param("s", SRC).param("id", "m" + ++seq).param("p", patient).param("start", t(start)).param("end", t(end))
                .param("intent", intent).update();
    }

    private void request(long patient, String kind, String snomed, String authored, boolean doNotPerform) {
        jdbc.sql("""
                INSERT INTO ehr.request (source_system, source_id, kind, patient_id, code_system, code, status, intent,
                    do_not_perform, authored_time)
                VALUES (:s, :id, :kind, :p, 'SNOMED-CT', :code, 'active', 'order', :dnp, :authored)""")
                .param("s", SRC).param("id", "r" + ++seq).param("kind", kind).param("p", patient).param("code", snomed)
                .param("dnp", doNotPerform).param("authored", t(authored)).update();
    }

    private static OffsetDateTime t(String s) {
        return s == null ? null : OffsetDateTime.parse(s);
    }
}
