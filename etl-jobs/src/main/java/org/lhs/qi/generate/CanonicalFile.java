package org.lhs.qi.generate;

import java.util.List;

/** The canonical CSV extract files and their columns, in the order the generator writes them. */
enum CanonicalFile {
    SITE("site.csv", "site_id", "name"),
    PATIENT("patient.csv", "patient_id", "birth_date", "death_date", "sex", "race", "ethnicity", "language", "zip",
            "deprivation_quintile", "site_id"),
    COVERAGE("coverage.csv", "coverage_id", "patient_id", "payer_type", "start_date", "end_date"),
    ENCOUNTER("encounter.csv", "encounter_id", "patient_id", "site_id", "class", "unit", "admit_time", "discharge_time",
            "discharge_disposition"),
    UNIT_STAY("unit_stay.csv", "unit_stay_id", "encounter_id", "unit", "start_time", "end_time"),
    DEVICE_EPISODE("device_episode.csv", "device_episode_id", "patient_id", "encounter_id", "device_type", "start_time",
            "end_time"),
    CONDITION("condition.csv", "condition_id", "patient_id", "encounter_id", "code_system", "code", "onset_time",
            "abatement_time", "present_on_admission", "diagnosis_rank", "status"),
    PROCEDURE("procedure.csv", "procedure_id", "patient_id", "encounter_id", "code_system", "code", "performed_time",
            "status"),
    OBSERVATION("observation.csv", "observation_id", "patient_id", "encounter_id", "code_system", "code",
            "effective_time", "value_num", "value_code_system", "value_code", "unit", "status"),
    MEDICATION("medication.csv", "medication_id", "patient_id", "encounter_id", "kind", "code_system", "code",
            "start_time", "end_time", "status"),
    SAFETY_EVENT("safety_event.csv", "safety_event_id", "patient_id", "encounter_id", "site_id", "unit", "event_type",
            "harm_level", "event_time"),
    SURVEY_RESPONSE("survey_response.csv", "survey_response_id", "patient_id", "encounter_id", "site_id", "survey",
            "item", "answer_num", "answer_code", "response_time");

    private final String fileName;
    private final List<String> columns;

    CanonicalFile(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    String fileName() {
        return fileName;
    }

    List<String> columns() {
        return columns;
    }
}
