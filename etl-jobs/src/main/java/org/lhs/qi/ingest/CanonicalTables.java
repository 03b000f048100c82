package org.lhs.qi.ingest;

import static org.lhs.qi.ingest.ColumnSpec.optional;
import static org.lhs.qi.ingest.ColumnSpec.required;
import static org.lhs.qi.ingest.ValueType.codeSystem;
import static org.lhs.qi.ingest.ValueType.date;
import static org.lhs.qi.ingest.ValueType.decimal;
import static org.lhs.qi.ingest.ValueType.integer;
import static org.lhs.qi.ingest.ValueType.oneOf;
import static org.lhs.qi.ingest.ValueType.text;
import static org.lhs.qi.ingest.ValueType.timestamp;

import java.util.List;
import java.util.Optional;

/** The canonical CSV extract layout: one {@link TableSpec} per table, in dependency order. */
public final class CanonicalTables {

    private static final ValueType SEX = oneOf("female", "male", "other", "unknown");
    private static final ValueType RACE = oneOf("american-indian-or-alaska-native", "asian",
            "black-or-african-american", "native-hawaiian-or-other-pacific-islander", "white", "other", "unknown");
    private static final ValueType ETHNICITY = oneOf("hispanic-or-latino", "not-hispanic-or-latino", "unknown");
    private static final ValueType PAYER = oneOf("medicare", "medicaid", "commercial", "self-pay", "other");
    private static final ValueType ENCOUNTER_CLASS = oneOf("inpatient", "emergency", "ambulatory", "observation", "virtual");
    private static final ValueType DISPOSITION = oneOf("home", "transfer", "snf", "hospice", "expired", "ama", "other");
    private static final ValueType DEVICE = oneOf("central-line", "urinary-catheter", "ventilator");
    private static final ValueType POA = oneOf("Y", "N", "U", "W");
    private static final ValueType RANK = oneOf("principal", "secondary");
    private static final ValueType MEDICATION_KIND = oneOf("order", "administration", "dispense");
    private static final ValueType EVENT_TYPE = oneOf("fall", "pressure-injury", "medication-error", "other");
    private static final ValueType HARM = oneOf("near-miss", "none", "mild", "moderate", "severe", "death");

    /** Every canonical table, referenced tables before the tables that reference them. */
    public static final List<TableSpec> ALL = List.of(
            new TableSpec("site", List.of(
                    required("name", text()))),
            new TableSpec("patient", List.of(
                    required("birth_date", date()),
                    optional("death_date", date()),
                    required("sex", SEX),
                    required("race", RACE),
                    required("ethnicity", ETHNICITY),
                    optional("language", text()),
                    optional("zip", text()),
                    optional("deprivation_quintile", integer(1, 5)),
                    optional("site_id", text()))),
            new TableSpec("coverage", List.of(
                    required("patient_id", text()),
                    required("payer_type", PAYER),
                    required("start_date", date()),
                    optional("end_date", date()))),
            new TableSpec("encounter", List.of(
                    required("patient_id", text()),
                    required("site_id", text()),
                    required("class", ENCOUNTER_CLASS),
                    optional("unit", text()),
                    required("admit_time", timestamp()),
                    optional("discharge_time", timestamp()),
                    optional("discharge_disposition", DISPOSITION),
                    // eCQM (QI-Core) fields, written by the FHIR importer; a canonical encounter took place
                    optional("status", text()).withDefault("finished"),
                    optional("class_code", text()),
                    optional("discharge_disposition_system", text()),
                    optional("discharge_disposition_code", text()),
                    optional("type_codes", text()))),
            new TableSpec("unit_stay", List.of(
                    required("encounter_id", text()),
                    required("unit", text()),
                    required("start_time", timestamp()),
                    optional("end_time", timestamp()))),
            new TableSpec("device_episode", List.of(
                    required("patient_id", text()),
                    optional("encounter_id", text()),
                    required("device_type", DEVICE),
                    required("start_time", timestamp()),
                    optional("end_time", timestamp()),
                    optional("status", text()))),
            new TableSpec("condition", List.of(
                    required("patient_id", text()),
                    optional("encounter_id", text()),
                    required("code_system", codeSystem()),
                    required("code", text()),
                    required("onset_time", timestamp()),
                    optional("abatement_time", timestamp()),
                    optional("present_on_admission", POA),
                    optional("diagnosis_rank", RANK),
                    optional("status", text()).withDefault("active"),
                    optional("clinical_status", text()),
                    optional("verification_status", text()),
                    optional("category", text()),
                    optional("recorded_time", timestamp()))),
            new TableSpec("procedure", List.of(
                    required("patient_id", text()),
                    optional("encounter_id", text()),
                    required("code_system", codeSystem()),
                    required("code", text()),
                    required("performed_time", timestamp()),
                    optional("status", text()).withDefault("completed"),
                    optional("performed_end", timestamp()))),
            new TableSpec("observation", List.of(
                    required("patient_id", text()),
                    optional("encounter_id", text()),
                    required("code_system", codeSystem()),
                    required("code", text()),
                    required("effective_time", timestamp()),
                    optional("value_num", decimal()),
                    optional("value_code_system", codeSystem()),
                    optional("value_code", text()),
                    optional("unit", text()),
                    optional("status", text()).withDefault("final"),
                    optional("effective_start", timestamp()))),
            new TableSpec("medication", List.of(
                    required("patient_id", text()),
                    optional("encounter_id", text()),
                    required("kind", MEDICATION_KIND),
                    required("code_system", codeSystem()),
                    required("code", text()),
                    required("start_time", timestamp()),
                    optional("end_time", timestamp()),
                    optional("status", text()).withDefault("completed"),
                    optional("intent", text()))),
            new TableSpec("safety_event", List.of(
                    optional("patient_id", text()),
                    optional("encounter_id", text()),
                    required("site_id", text()),
                    optional("unit", text()),
                    required("event_type", EVENT_TYPE),
                    required("harm_level", HARM),
                    required("event_time", timestamp()))),
            new TableSpec("survey_response", List.of(
                    optional("patient_id", text()),
                    optional("encounter_id", text()),
                    required("site_id", text()),
                    required("survey", text()),
                    required("item", text()),
                    optional("answer_num", decimal()),
                    optional("answer_code", text()),
                    required("response_time", timestamp()))));

    private CanonicalTables() {}

    public static Optional<TableSpec> byTable(String table) {
        return ALL.stream().filter(t -> t.table().equals(table)).findFirst();
    }

    /** The spec whose file name ({@code patient.csv}, any case) this is. */
    public static Optional<TableSpec> byFileName(String fileName) {
        return ALL.stream().filter(t -> t.fileName().equalsIgnoreCase(fileName)).findFirst();
    }

    /** Table names in dependency order. */
    public static List<String> tableNames() {
        return ALL.stream().map(TableSpec::table).toList();
    }
}
