package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.ObservationPerformed;

/**
 * {@code observation-performed:} results with one of the statuses; timing on the effective interval
 * [effective_start or effective_time, effective_time]. With {@code latest-value-in} only the latest one counts.
 */
final class ObservationPerformedSql {

    private ObservationPerformedSql() {}

    static String sql(ObservationPerformed o, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add("ob.patient_id = s.patient_id");
        c.add(EcqmSql.in("ob.code_system", "ob.code", EcqmSql.valueSets(ctx, prefix, "value_set", o.codes())));
        c.add("ob.status IN (" + ctx.bind(prefix, "status", o.statuses()) + ")");
        if (o.valueIn() != null) {
            c.add(EcqmSql.in("ob.value_code_system", "ob.value_code", EcqmSql.valueSets(ctx, prefix, "value_in", List.of(o.valueIn()))));
        }
        c.addAll(EcqmSql.window(o.when(), "coalesce(ob.effective_start, ob.effective_time)", "ob.effective_time", ctx, prefix));
        if (o.latestValueIn() == null) {
            return EcqmSql.exists(ctx, prefix, "ehr.observation", "ob", c);
        }
        // the latest qualifying reading per subject and period; none: its columns are null and the test is not met
        String latest = new RowQuery("ehr.observation", "ob", c).first(ctx, prefix, "ob.value_code_system, ob.value_code",
                "ob.effective_time DESC, ob.id DESC");
        return "coalesce(" + EcqmSql.in(latest + ".value_code_system", latest + ".value_code",
                EcqmSql.valueSets(ctx, prefix, "latest_value_in", List.of(o.latestValueIn()))) + ", FALSE)";
    }
}
