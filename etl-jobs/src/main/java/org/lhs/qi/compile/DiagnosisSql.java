package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Diagnosis;

/**
 * {@code diagnosis:} verified conditions by prevalence interval: [onset, abatement]; without abatement the interval
 * is open-ended when the clinical status is active, recurrence or relapse, and unknown (never matches) otherwise.
 */
final class DiagnosisSql {

    private DiagnosisSql() {}

    static String sql(Diagnosis d, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add("dx.patient_id = s.patient_id");
        c.add(EcqmSql.in("dx.code_system", "dx.code", EcqmSql.valueSets(ctx, prefix, "value_set", d.valueSets())));
        c.add("dx.status <> 'entered-in-error'");
        c.add("(dx.verification_status IS NULL OR dx.verification_status IN ("
                + ctx.bind(prefix, "verified", List.of("confirmed", "unconfirmed", "provisional", "differential")) + "))");
        String end = "CASE WHEN dx.abatement_time IS NOT NULL THEN dx.abatement_time"
                + " WHEN coalesce(dx.clinical_status, dx.status) IN (" + ctx.bind(prefix, "active",
                List.of("active", "recurrence", "relapse")) + ") THEN 'infinity'::timestamptz END";
        c.addAll(EcqmSql.window(d.when(), "dx.onset_time", end, ctx, prefix));
        return EcqmSql.exists(ctx, prefix, "ehr.condition", "dx", c);
    }
}
