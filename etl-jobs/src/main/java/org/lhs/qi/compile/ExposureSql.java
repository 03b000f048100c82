package org.lhs.qi.compile;

import java.util.List;
import org.lhs.qi.definition.Basis;
import org.lhs.qi.definition.Exposure;

/** Exposure of a ratio indicator's subject within the period. */
final class ExposureSql {

    private ExposureSql() {}

    static String of(Exposure exposure, SqlContext ctx) {
        return switch (exposure) {
            case SUBJECTS -> "CAST(1 AS numeric)";
            // days each device episode of the subject (its encounter, or the patient for patient basis) is in place inside the period
            case CENTRAL_LINE_DAYS, URINARY_CATHETER_DAYS, VENTILATOR_DAYS -> days(ctx, new RowQuery("ehr.device_episode", "de", List.of(
                    ctx.basis() == Basis.ENCOUNTER ? "de.encounter_id = s.encounter_id" : "de.patient_id = s.patient_id",
                    "de.device_type = " + ctx.bind("exp", "device_type", exposure.deviceType()),
                    "de.start_time < pd.end_time",
                    "coalesce(de.end_time, pd.end_time) > pd.start_time")), "de");
            // days of each unit stay of the encounter that fall inside [period start, period end); open stays run to the period end
            case PATIENT_DAYS -> days(ctx, new RowQuery("ehr.unit_stay", "us", List.of(
                    "us.encounter_id = s.encounter_id",
                    "us.start_time < pd.end_time",
                    "coalesce(us.end_time, pd.end_time) > pd.start_time")), "us");
        };
    }

    /** The summed days inside the period of the matching intervals, per subject and period (0 when none). */
    private static String days(SqlContext ctx, RowQuery rows, String a) {
        String name = ctx.derive("exp", """
                SELECT s.subject_id, s.period_no,
                       sum(extract(epoch FROM
                           least(coalesce(%1$s.end_time, pd.end_time), pd.end_time) - greatest(%1$s.start_time, pd.start_time)
                       ) / 86400) AS days
                %2$s
                GROUP BY s.subject_id, s.period_no""".formatted(a, rows.joined(ctx.stage())));
        return "coalesce(" + name + ".days, 0)";
    }
}
