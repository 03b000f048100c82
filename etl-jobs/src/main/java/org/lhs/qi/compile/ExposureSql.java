package org.lhs.qi.compile;

import org.lhs.qi.definition.Exposure;

/** Exposure of a ratio indicator's subject within the period. */
final class ExposureSql {

    private ExposureSql() {}

    static String of(Exposure exposure, SqlContext ctx) {
        return switch (exposure) {
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
            case CENTRAL_LINE_DAYS -> DeviceDaysExposureSql.of("central-line", ctx);
            case URINARY_CATHETER_DAYS -> DeviceDaysExposureSql.of("urinary-catheter", ctx);
        };
    }
}
