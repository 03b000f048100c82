package org.lhs.qi.quality;

import java.util.Map;

/** {@code patients-with-encounter-share}: share of patients (per attributed site) with at least one encounter. */
final class PatientsWithEncounterShareCheck extends RowShareCheck {

    PatientsWithEncounterShareCheck(CheckDefinition d) {
        super(d);
    }

    @Override
    DqTable table() {
        return DqTable.PATIENT;
    }

    @Override
    String population() {
        return "TRUE";
    }

    @Override
    String offending() {
        return "NOT EXISTS (SELECT 1 FROM ehr.encounter e WHERE e.patient_id = t.id)";
    }

    @Override
    Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    String offendingWhat() {
        return "patients without any encounter";
    }
}
