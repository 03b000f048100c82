package org.lhs.qi.compile;

import org.lhs.qi.definition.Exposure;

/** Exposure of a ratio indicator's subject within the period. */
final class ExposureSql {

    private ExposureSql() {}

    static String of(Exposure exposure, SqlContext ctx) {
        return switch (exposure) {
            case SUBJECTS -> "CAST(1 AS numeric)";
            // days each device episode of the subject (its encounter, or the patient for patient basis) is in place inside the period
            case CENTRAL_LINE_DAYS, URINARY_CATHETER_DAYS, VENTILATOR_DAYS -> """
                    (
                        SELECT coalesce(sum(extract(epoch FROM
                                   least(coalesce(de.end_time, pd.end_time), pd.end_time) - greatest(de.start_time, pd.start_time)
                               ) / 86400), 0)
                        FROM ehr.device_episode de
                        WHERE %s
                          AND de.device_type = %s
                          AND de.start_time < pd.end_time
                          AND coalesce(de.end_time, pd.end_time) > pd.start_time
                    )""".formatted(ctx.basis() == org.lhs.qi.definition.Basis.ENCOUNTER
                            ? "de.encounter_id = s.encounter_id" : "de.patient_id = s.patient_id",
                    ctx.bind("exp", "device_type", exposure.deviceType()));
            // days of each unit stay of the encounter that fall inside [period start, period end); open stays run to the period end
            case PATIENT_DAYS -> """
                    (
                        SELECT coalesce(sum(extract(epoch FROM
                                   least(coalesce(us.end_time, pd.end_time), pd.end_time) - greatest(us.start_time, pd.start_time)
                               ) / 86400), 0)
                        FROM ehr.unit_stay us
                        WHERE us.encounter_id = s.encounter_id
                          AND us.start_time < pd.end_time
                          AND coalesce(us.end_time, pd.end_time) > pd.start_time
                    )""";
        };
    }
}
