package org.lhs.qi.compile;

import org.lhs.qi.definition.Criterion;

/** Dispatches a criterion to the builder of its kind; the result is a boolean SQL expression on subject {@code s}. */
final class CriterionSql {

    private CriterionSql() {}

    static String of(Criterion criterion, SqlContext ctx) {
        return switch (criterion) {
            case Criterion.All a -> CombinatorSql.all(a, ctx);
            case Criterion.Any a -> CombinatorSql.any(a, ctx);
            case Criterion.Not n -> CombinatorSql.not(n, ctx);
            case Criterion.Ref r -> "/* " + r.name() + " */ " + of(r.criterion(), ctx); // name is validated kebab-case
            case Criterion.Patient p -> PatientCriterionSql.sql(p, ctx);
            case Criterion.Encounter e when e.subject() -> ThisEncounterCriterionSql.sql(e, ctx);
            case Criterion.Encounter e -> EncounterCriterionSql.rows(e, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.Condition c -> ConditionCriterionSql.rows(c, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.Observation o when o.pick() != null -> ObservationCriterionSql.picked(o, ctx);
            case Criterion.Observation o -> ObservationCriterionSql.rows(o, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.Procedure p -> ProcedureCriterionSql.rows(p, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.Medication m -> MedicationCriterionSql.rows(m, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.SafetyEvent e -> SafetyEventCriterionSql.rows(e, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.DeviceEpisode e -> DeviceEpisodeCriterionSql.rows(e, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.UnitStay u -> UnitStayCriterionSql.rows(u, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.SurveyResponse r -> SurveyResponseCriterionSql.rows(r, ctx, ctx.nextPrefix()).matchesWith(ctx);
            case Criterion.Ecqm e -> EcqmCriterionSql.of(e, ctx, ctx.nextPrefix());
        };
    }

    /** The matching rows of an event criterion (for counting numerator events of ratio indicators). */
    static EventRows rows(Criterion.Event event, SqlContext ctx) {
        String prefix = ctx.nextPrefix();
        return switch (event) {
            case Criterion.Encounter e -> EncounterCriterionSql.rows(e, ctx, prefix);
            case Criterion.Condition c -> ConditionCriterionSql.rows(c, ctx, prefix);
            case Criterion.Observation o -> ObservationCriterionSql.rows(o, ctx, prefix);
            case Criterion.Procedure p -> ProcedureCriterionSql.rows(p, ctx, prefix);
            case Criterion.Medication m -> MedicationCriterionSql.rows(m, ctx, prefix);
            case Criterion.SafetyEvent e -> SafetyEventCriterionSql.rows(e, ctx, prefix);
            case Criterion.DeviceEpisode e -> DeviceEpisodeCriterionSql.rows(e, ctx, prefix);
            case Criterion.UnitStay u -> UnitStayCriterionSql.rows(u, ctx, prefix);
            case Criterion.SurveyResponse r -> SurveyResponseCriterionSql.rows(r, ctx, prefix);
        };
    }

    /** A row query with the prefix and minimum count of its criterion. */
    record EventRows(RowQuery query, String prefix, int atLeast) {
        String matchesWith(SqlContext ctx) {
            return query.matches(ctx, prefix, atLeast);
        }

        /** The number of matching rows of the subject in the period. */
        String countWith(SqlContext ctx) {
            return query.count(ctx, prefix);
        }
    }
}
