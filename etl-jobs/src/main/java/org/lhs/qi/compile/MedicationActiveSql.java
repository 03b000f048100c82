package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.MedicationActive;

/** {@code medication-active:} active medication orders whose request period [start_time, end_time] is known. */
final class MedicationActiveSql {

    private MedicationActiveSql() {}

    static String sql(MedicationActive m, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add("ma.patient_id = s.patient_id");
        c.add("ma.kind = " + ctx.bind(prefix, "kind", "order"));
        c.add(EcqmSql.in("ma.code_system", "ma.code", EcqmSql.valueSets(ctx, prefix, "value_set", m.valueSets())));
        c.add("ma.status = " + ctx.bind(prefix, "status", "active"));
        c.add("ma.intent IN (" + ctx.bind(prefix, "intent", EcqmSql.ORDER_INTENTS) + ")");
        c.add("ma.end_time IS NOT NULL");
        c.addAll(EcqmSql.window(m.when(), "ma.start_time", "ma.end_time", ctx, prefix));
        return EcqmSql.exists(ctx, prefix, "ehr.medication", "ma", c);
    }
}
