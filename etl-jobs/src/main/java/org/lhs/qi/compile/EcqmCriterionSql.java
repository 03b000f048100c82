package org.lhs.qi.compile;

import org.lhs.qi.definition.Criterion;
import org.lhs.qi.definition.Diagnosis;
import org.lhs.qi.definition.EncounterPerformed;
import org.lhs.qi.definition.LowestOnLatestDay;
import org.lhs.qi.definition.MedicationActive;
import org.lhs.qi.definition.ObservationPerformed;
import org.lhs.qi.definition.ProcedurePerformed;
import org.lhs.qi.definition.RequestOrdered;

/** Dispatches an eCQM criterion to the builder of its kind; the result is a boolean SQL expression on subject {@code s}. */
final class EcqmCriterionSql {

    private EcqmCriterionSql() {}

    static String of(Criterion.Ecqm c, SqlContext ctx, String prefix) {
        return switch (c) {
            case EncounterPerformed e -> EncounterPerformedSql.sql(e, ctx, prefix);
            case Diagnosis d -> DiagnosisSql.sql(d, ctx, prefix);
            case ObservationPerformed o -> ObservationPerformedSql.sql(o, ctx, prefix);
            case ProcedurePerformed p -> ProcedurePerformedSql.sql(p, ctx, prefix);
            case RequestOrdered r -> RequestOrderedSql.sql(r, ctx, prefix);
            case MedicationActive m -> MedicationActiveSql.sql(m, ctx, prefix);
            case LowestOnLatestDay l -> LowestOnLatestDaySql.sql(l, ctx, prefix);
        };
    }
}
