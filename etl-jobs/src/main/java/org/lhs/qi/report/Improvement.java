package org.lhs.qi.report;

/** Improvement notation of an indicator: whether a higher or a lower rate is better. */
public enum Improvement {
    /** A higher rate is better. */
    INCREASE("↑ higher is better", "≥"),
    /** A lower rate is better. */
    DECREASE("↓ lower is better", "≤");

    private final String label;
    private final String targetRelation;

    Improvement(String label, String targetRelation) {
        this.label = label;
        this.targetRelation = targetRelation;
    }

    /** Parses the {@code qi.indicator.improvement} value. */
    public static Improvement of(String value) {
        return switch (value) {
            case "increase" -> INCREASE;
            case "decrease" -> DECREASE;
            default -> throw new IllegalArgumentException("unknown improvement notation '" + value + "'");
        };
    }

    /** Label for people, with an arrow. */
    public String label() {
        return label;
    }

    /** The relation a rate must have to the target to meet it ("≥" or "≤"). */
    public String targetRelation() {
        return targetRelation;
    }

    /** True when moving from {@code before} to {@code after} is an improvement. */
    public boolean better(double before, double after) {
        return this == INCREASE ? after > before : after < before;
    }
}
