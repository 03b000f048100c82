package org.lhs.qi.report;

/** Whether a rate meets its target, honouring the improvement direction (point estimate vs target). */
public enum TargetStatus {
    MET("met", "✓"), NOT_MET("not met", "✗"), NO_TARGET("no target", "–"), NOT_AVAILABLE("–", "–");

    private final String label;
    private final String symbol;

    TargetStatus(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    /** A one-glyph form for narrow table columns: ✓ met, ✗ not met. */
    public String symbol() {
        return symbol;
    }

    /** Label for people. */
    public String label() {
        return label;
    }

    /** Met when the rate is at or beyond the target in the better direction; NOT_AVAILABLE without a rate. */
    public static TargetStatus evaluate(Double rate, Double target, Improvement improvement) {
        if (target == null) {
            return NO_TARGET;
        }
        if (rate == null) {
            return NOT_AVAILABLE;
        }
        boolean met = improvement == Improvement.INCREASE ? rate >= target : rate <= target;
        return met ? MET : NOT_MET;
    }
}
