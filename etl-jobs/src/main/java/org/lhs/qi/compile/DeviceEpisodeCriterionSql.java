package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;
import org.lhs.qi.definition.Timing;

/**
 * {@code device-episode:} device episodes by type. {@code during: period} means in place at some time in
 * the period (inserted before its end, not removed before its start); other windows apply to the start time.
 */
final class DeviceEpisodeCriterionSql {

    private DeviceEpisodeCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.DeviceEpisode x, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add(x.sameEncounter() ? "d.encounter_id = s.encounter_id" : "d.patient_id = s.patient_id");
        c.add("d.status IS DISTINCT FROM 'entered-in-error'"); // null: the extract states no status
        if (!x.types().isEmpty()) {
            c.add("d.device_type IN (" + ctx.bind(prefix, "device_type", x.types()) + ")");
        }
        if (x.timing() instanceof Timing.DuringPeriod) {
            c.add("d.start_time < pd.end_time");
            c.add("(d.end_time IS NULL OR d.end_time >= pd.start_time)");
        } else {
            c.addAll(TimingSql.window(x.timing(), "d.start_time", ctx, prefix));
        }
        return new CriterionSql.EventRows(new RowQuery("ehr.device_episode", "d", c), prefix, x.atLeast());
    }
}
