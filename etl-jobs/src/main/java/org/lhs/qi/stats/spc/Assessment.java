package org.lhs.qi.stats.spc;

import java.util.List;
import org.lhs.qi.stats.Improvement;

/** Overall reading of a chart: whether there is special cause, and whether it points to better or worse. */
public record Assessment(boolean specialCause, Verdict verdict) {

    /** Summarises signal events for an indicator whose improvement direction is given. */
    public static Assessment of(List<SignalEvent> events, Improvement improvement) {
        if (events.isEmpty()) {
            return new Assessment(false, Verdict.COMMON_CAUSE);
        }
        boolean better = false;
        boolean worse = false;
        for (SignalEvent e : events) {
            if (e.side() == Side.NONE) {
                continue;
            }
            boolean improving = improvement.better(e.side() == Side.UP ? 1 : -1);
            better |= improving;
            worse |= !improving;
        }
        Verdict verdict = better && worse ? Verdict.MIXED
                : better ? Verdict.BETTER
                : worse ? Verdict.WORSE
                : Verdict.UNDETERMINED;
        return new Assessment(true, verdict);
    }
}
