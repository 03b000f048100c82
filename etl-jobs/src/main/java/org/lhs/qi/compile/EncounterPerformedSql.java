package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.EncounterPerformed;

/** {@code encounter-performed:} a finished encounter with a type code in the value sets; timing on [admission, discharge]. */
final class EncounterPerformedSql {

    private EncounterPerformedSql() {}

    static String sql(EncounterPerformed e, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        c.add("ep.patient_id = s.patient_id");
        c.add("ep.status = " + ctx.bind(prefix, "status", "finished"));
        c.add("EXISTS (SELECT 1 FROM ehr.encounter_type et WHERE et.encounter_id = ep.id AND "
                + EcqmSql.in("et.code_system", "et.code", EcqmSql.valueSets(ctx, prefix, "type", e.types())) + ")");
        if (e.dischargeIn() != null) {
            c.add(EcqmSql.in("ep.discharge_disposition_system", "ep.discharge_disposition_code",
                    EcqmSql.valueSets(ctx, prefix, "discharge_in", List.of(e.dischargeIn()))));
        }
        // an open encounter period (no discharge yet) runs on: CQL's closed interval with a null end
        c.addAll(EcqmSql.window(e.when(), "ep.admit_time", "coalesce(ep.discharge_time, 'infinity'::timestamptz)", ctx, prefix));
        return EcqmSql.exists(ctx, prefix, "ehr.encounter", "ep", c);
    }
}
