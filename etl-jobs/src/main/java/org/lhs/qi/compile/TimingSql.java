package org.lhs.qi.compile;

import java.util.List;
import org.lhs.qi.definition.Timing;

/**
 * Time windows as SQL conditions on one timestamp column. Period bounds come from the {@code period pd}
 * stage; encounter-relative windows use the subject's {@code s.admit_time / s.discharge_time}.
 */
final class TimingSql {

    private TimingSql() {}

    /** Conditions putting {@code column} into the window (empty for "any time"). */
    static List<String> window(Timing timing, String column, SqlContext ctx, String prefix) {
        if (timing == null) {
            return List.of();
        }
        return switch (timing) {
            case Timing.DuringPeriod p -> List.of(column + " >= pd.start_time", column + " < pd.end_time");
            case Timing.BeforePeriodEnd b -> List.of(column + " < pd.end_time");
            case Timing.Lookback l -> List.of(
                    column + " >= pd.end_time - CAST(" + ctx.bind(prefix, "lookback", l.duration().interval()) + " AS interval)",
                    column + " < pd.end_time");
            case Timing.DuringEncounter e -> List.of(column + " >= s.admit_time",
                    column + " <= coalesce(s.discharge_time, pd.end_time)");
            case Timing.AfterDischarge a -> List.of(column + " > s.discharge_time",
                    column + " <= s.discharge_time + CAST(" + ctx.bind(prefix, "after_discharge", a.duration().interval())
                            + " AS interval)");
            case Timing.StartsDuringPeriod p -> List.of(column + " >= pd.start_time", column + " < pd.end_time");
            case Timing.AfterAdmission a -> List.of(column + " >= s.admit_time",
                    column + " <= s.admit_time + CAST(" + ctx.bind(prefix, "after_admission", a.duration().interval())
                            + " AS interval)");
            case Timing.BeforeAdmission b -> List.of(
                    column + " >= s.admit_time - CAST(" + ctx.bind(prefix, "before_admission", b.duration().interval())
                            + " AS interval)",
                    column + " < s.admit_time");
            case Timing.AfterUnitStart u -> UnitStartWindowSql.window(u, column, ctx, prefix);
        };
    }
}
