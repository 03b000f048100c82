package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.RequestOrdered;

/** {@code device-order:} / {@code service-order:} active or completed orders that are not "do not perform"; timing on the authored time. */
final class RequestOrderedSql {

    private RequestOrderedSql() {}

    static String sql(RequestOrdered r, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add("rq.patient_id = s.patient_id");
        c.add("rq.kind = " + ctx.bind(prefix, "kind", r.kind()));
        c.add(EcqmSql.in("rq.code_system", "rq.code", EcqmSql.valueSets(ctx, prefix, "value_set", r.valueSets())));
        c.add("rq.status IN (" + ctx.bind(prefix, "status", List.of("active", "completed")) + ")");
        c.add("rq.intent IN (" + ctx.bind(prefix, "intent", EcqmSql.ORDER_INTENTS) + ")");
        c.add("NOT rq.do_not_perform");
        c.addAll(EcqmSql.window(r.when(), "rq.authored_time", "rq.authored_time", ctx, prefix));
        return EcqmSql.exists(ctx, prefix, "ehr.request", "rq", c);
    }
}
