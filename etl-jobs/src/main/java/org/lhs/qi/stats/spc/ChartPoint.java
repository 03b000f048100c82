package org.lhs.qi.stats.spc;

import java.util.Set;

/**
 * One period of a control chart.
 *
 * @param index 0-based period index
 * @param numerator events of the period
 * @param denominator cases (p) or exposure (u) of the period
 * @param value the period's proportion or rate (times the chart's multiplier for u charts)
 * @param lower lower 3σ limit of this period
 * @param upper upper 3σ limit of this period
 * @param signals the special-cause signals the period takes part in; empty when none
 */
public record ChartPoint(int index, double numerator, double denominator, double value, double lower,
        double upper, Set<Signal> signals) {

    public ChartPoint {
        signals = Set.copyOf(signals);
    }

    /** A single code for storage: the first signal in {@link Signal} order, or {@link Signal#NONE}. */
    public Signal code() {
        for (Signal s : Signal.values()) {
            if (signals.contains(s)) {
                return s;
            }
        }
        return Signal.NONE;
    }
}
