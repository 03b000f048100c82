package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.ProcedurePerformed;

/** {@code procedure-performed:} completed procedures; timing on [performed_time, performed_end or performed_time]. */
final class ProcedurePerformedSql {

    private ProcedurePerformedSql() {}

    static String sql(ProcedurePerformed p, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add("pp.patient_id = s.patient_id");
        c.add(EcqmSql.in("pp.code_system", "pp.code", EcqmSql.valueSets(ctx, prefix, "value_set", p.valueSets())));
        c.add("pp.status = " + ctx.bind(prefix, "status", "completed"));
        c.addAll(EcqmSql.window(p.when(), "pp.performed_time", "coalesce(pp.performed_end, pp.performed_time)", ctx, prefix));
        return EcqmSql.exists(ctx, prefix, "ehr.procedure", "pp", c);
    }
}
