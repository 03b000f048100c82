package org.lhs.qi.quality;

import java.util.Map;

/** {@code temporal-order}: share of rows breaking a {@link TemporalRule}. */
final class TemporalOrderCheck extends RowShareCheck {

    TemporalOrderCheck(CheckDefinition d) {
        super(d);
        if (d.rule() == null || (d.rule() != TemporalRule.DISCHARGE_AFTER_ADMISSION
                && (d.table() == null || d.table().eventTime().isEmpty() || !d.table().hasPatient()))) {
            throw new IllegalArgumentException("temporal-order needs a rule and, for patient rules, an event table");
        }
    }

    @Override
    DqTable table() {
        return definition().rule() == TemporalRule.DISCHARGE_AFTER_ADMISSION ? DqTable.ENCOUNTER : definition().table();
    }

    private String time() {
        return "t." + table().eventTime().orElseThrow();
    }

    @Override
    String population() {
        return definition().rule() == TemporalRule.DISCHARGE_AFTER_ADMISSION ? "t.discharge_time IS NOT NULL" : "TRUE";
    }

    @Override
    String offending() {
        return switch (definition().rule()) {
            case DISCHARGE_AFTER_ADMISSION -> "t.discharge_time < t.admit_time";
            case BIRTH_BEFORE_EVENT ->
                    "EXISTS (SELECT 1 FROM ehr.patient bp WHERE bp.id = t.patient_id AND " + time() + " < bp.birth_date)";
            // an event on the day of death is plausible; after that day plus the grace period it is not
            case NO_EVENT_AFTER_DEATH -> "EXISTS (SELECT 1 FROM ehr.patient dp WHERE dp.id = t.patient_id AND "
                    + time() + " >= dp.death_date + 1 + CAST(:grace_days AS integer))";
        };
    }

    @Override
    Map<String, Object> parameters() {
        return definition().rule() == TemporalRule.NO_EVENT_AFTER_DEATH
                ? Map.of("grace_days", definition().graceDays()) : Map.of();
    }

    @Override
    String offendingWhat() {
        return switch (definition().rule()) {
            case DISCHARGE_AFTER_ADMISSION -> "discharged before admission";
            case BIRTH_BEFORE_EVENT -> "dated before the patient's birth";
            case NO_EVENT_AFTER_DEATH -> "dated more than " + definition().graceDays()
                    + " day(s) after the patient's death";
        };
    }
}
