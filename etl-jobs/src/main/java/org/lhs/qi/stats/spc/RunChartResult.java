package org.lhs.qi.stats.spc;

import java.util.List;
import java.util.Set;
import org.lhs.qi.stats.Improvement;

/**
 * Result of the Anhøj run-chart rules.
 *
 * @param median the centre line
 * @param usefulObservations points not on the median, which alone count for runs and crossings
 * @param longestRun length of the longest run on one side of the median
 * @param longestRunMax the longest run expected by chance: round(log2(n) + 3); longer is a signal
 * @param crossings number of times the series crosses the median
 * @param crossingsMin lower 5% binomial quantile of crossings with n−1 trials; fewer is a signal
 * @param signals per period, the signals it takes part in (empty when none)
 * @param events the signals detected
 */
public record RunChartResult(double median, int usefulObservations, int longestRun, int longestRunMax,
        int crossings, int crossingsMin, List<Set<Signal>> signals, List<SignalEvent> events) {

    public RunChartResult {
        signals = signals.stream().map(Set::copyOf).toList();
        events = List.copyOf(events);
    }

    /** Whether the series shows non-random variation (an unusually long run or too few crossings). */
    public boolean specialCause() {
        return !events.isEmpty();
    }

    /** Overall verdict for an indicator with the given direction of improvement. */
    public Assessment assess(Improvement improvement) {
        return Assessment.of(events, improvement);
    }
}
