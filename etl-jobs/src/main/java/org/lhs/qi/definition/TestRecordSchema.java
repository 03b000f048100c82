package org.lhs.qi.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables and columns test-case records may use: the canonical CSV layout. It is the whitelist from
 * which the test runner takes every table and column name it writes SQL with.
 */
public final class TestRecordSchema {

    /** How a record field is converted when inserted. */
    public enum Type { TEXT, DATE, TIME, NUMBER, INTEGER, PATIENT_REF, ENCOUNTER_REF, SITE_REF }

    /** One column: its CSV/record name, warehouse column, type and whether it is required. */
    public record Column(String name, String dbColumn, Type type, boolean required) {}

    /** One table in insert order (parents first). */
    public record Table(String name, List<Column> columns) {
        /** The column named like the record field, or null. */
        public Column column(String field) {
            return columns.stream().filter(c -> c.name().equals(field)).findFirst().orElse(null);
        }

        /** The {@code <table>_id} field that becomes {@code source_id}. */
        public String idField() {
            return name + "_id";
        }
    }

    /** All tables by name, in insert order. */
    public static final Map<String, Table> TABLES = new LinkedHashMap<>();

    private static void table(String name, Column... columns) {
        TABLES.put(name, new Table(name, List.of(columns)));
    }

    private static Column req(String name, Type type) {
        return new Column(name, name, type, true);
    }

    private static Column opt(String name, Type type) {
        return new Column(name, name, type, false);
    }


    static {
        table("site", req("site_id", Type.TEXT), req("name", Type.TEXT));
        table("patient", req("patient_id", Type.TEXT), req("birth_date", Type.DATE), opt("death_date", Type.DATE),
                req("sex", Type.TEXT), req("race", Type.TEXT), req("ethnicity", Type.TEXT), opt("language", Type.TEXT),
                opt("zip", Type.TEXT), opt("deprivation_quintile", Type.INTEGER), opt("site_id", Type.SITE_REF));
        table("coverage", req("coverage_id", Type.TEXT), req("patient_id", Type.PATIENT_REF),
                req("payer_type", Type.TEXT), req("start_date", Type.DATE), opt("end_date", Type.DATE));
        table("encounter", req("encounter_id", Type.TEXT), req("patient_id", Type.PATIENT_REF),
                opt("site_id", Type.SITE_REF), req("class", Type.TEXT), opt("unit", Type.TEXT),
                req("admit_time", Type.TIME), opt("discharge_time", Type.TIME), opt("discharge_disposition", Type.TEXT),
                opt("status", Type.TEXT));
        table("unit_stay", req("unit_stay_id", Type.TEXT), req("encounter_id", Type.ENCOUNTER_REF),
                req("unit", Type.TEXT), req("start_time", Type.TIME), opt("end_time", Type.TIME));
        table("device_episode", req("device_episode_id", Type.TEXT), req("patient_id", Type.PATIENT_REF),
                opt("encounter_id", Type.ENCOUNTER_REF), req("device_type", Type.TEXT), req("start_time", Type.TIME),
                opt("end_time", Type.TIME));
        table("condition", req("condition_id", Type.TEXT), req("patient_id", Type.PATIENT_REF),
                opt("encounter_id", Type.ENCOUNTER_REF), req("code_system", Type.TEXT), req("code", Type.TEXT),
                req("onset_time", Type.TIME), opt("abatement_time", Type.TIME), opt("present_on_admission", Type.TEXT),
                opt("diagnosis_rank", Type.TEXT), opt("status", Type.TEXT));
        table("procedure", req("procedure_id", Type.TEXT), req("patient_id", Type.PATIENT_REF),
                opt("encounter_id", Type.ENCOUNTER_REF), req("code_system", Type.TEXT), req("code", Type.TEXT),
                req("performed_time", Type.TIME), opt("status", Type.TEXT));
        table("observation", req("observation_id", Type.TEXT), req("patient_id", Type.PATIENT_REF),
                opt("encounter_id", Type.ENCOUNTER_REF), req("code_system", Type.TEXT), req("code", Type.TEXT),
                req("effective_time", Type.TIME), opt("value_num", Type.NUMBER), opt("value_code_system", Type.TEXT),
                opt("value_code", Type.TEXT), opt("unit", Type.TEXT), opt("status", Type.TEXT));
        table("medication", req("medication_id", Type.TEXT), req("patient_id", Type.PATIENT_REF),
                opt("encounter_id", Type.ENCOUNTER_REF), req("kind", Type.TEXT), req("code_system", Type.TEXT),
                req("code", Type.TEXT), req("start_time", Type.TIME), opt("end_time", Type.TIME), opt("status", Type.TEXT));
        table("safety_event", req("safety_event_id", Type.TEXT), opt("patient_id", Type.PATIENT_REF),
                opt("encounter_id", Type.ENCOUNTER_REF), opt("site_id", Type.SITE_REF), opt("unit", Type.TEXT),
                req("event_type", Type.TEXT), req("harm_level", Type.TEXT), req("event_time", Type.TIME));
        table("survey_response", req("survey_response_id", Type.TEXT), opt("patient_id", Type.PATIENT_REF),
                opt("encounter_id", Type.ENCOUNTER_REF), opt("site_id", Type.SITE_REF), req("survey", Type.TEXT),
                req("item", Type.TEXT), opt("answer_num", Type.NUMBER), opt("answer_code", Type.TEXT),
                req("response_time", Type.TIME));
    }

    private TestRecordSchema() {}
}
