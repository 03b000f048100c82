package org.lhs.qi.compile;

import org.lhs.qi.definition.MeasureObservation;

/** The measure observation of a continuous-variable indicator as a numeric SQL expression on subject {@code s}. */
final class MeasureObservationSql {

    private MeasureObservationSql() {}

    static String of(MeasureObservation observation, SqlContext ctx) {
        ctx.population("obs");
        return switch (observation) {
            // null without a discharge time: the subject is in the measure population but has no observation
            case MeasureObservation.LengthOfStay los -> "extract(epoch FROM s.discharge_time - s.admit_time) / "
                    + ctx.bind("obs", "unit_seconds", los.timeUnit().seconds());
            case MeasureObservation.Count c -> CriterionSql.rows(c.events(), ctx).countWith(ctx);
        };
    }
}
