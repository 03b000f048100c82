package org.lhs.qi.stats.spc;

import java.util.List;
import org.lhs.qi.stats.Improvement;

/**
 * A control chart with per-period limits and the special causes found in it.
 *
 * @param centre the centre line: the pooled proportion or rate over all periods
 * @param sigmaZ Laney's between-period inflation factor (1 for plain p and u charts)
 * @param events the special causes detected, in order of their first period
 */
public record ControlChart(ChartType type, List<ChartPoint> points, double centre, double sigmaZ,
        List<SignalEvent> events) {

    public ControlChart {
        points = List.copyOf(points);
        events = List.copyOf(events);
    }

    /** Whether any period carries a special-cause signal. */
    public boolean specialCause() {
        return !events.isEmpty();
    }

    /** Overall verdict for an indicator with the given direction of improvement. */
    public Assessment assess(Improvement improvement) {
        return Assessment.of(events, improvement);
    }
}
