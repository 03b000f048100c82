package org.lhs.qi.bench;

/** One measured figure of a benchmark run at one size, e.g. {@code step.computeIndicatorsStep = 12.3 s}. */
public record Metric(int patients, String name, double value, String unit) {
}
