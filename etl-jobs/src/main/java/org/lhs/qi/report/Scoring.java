package org.lhs.qi.report;

/** How an indicator's rate is formed; only the scorings a scorecard can show as a rate. */
public enum Scoring {
    /** numerator / denominator, shown as a percentage. */
    PROPORTION,
    /** events / exposure × multiplier, shown as "x.xx per 1,000 patient-days". */
    RATIO;

    /** Parses the {@code qi.indicator.scoring} value. */
    public static Scoring of(String value) {
        return switch (value) {
            case "proportion" -> PROPORTION;
            case "ratio" -> RATIO;
            default -> throw new IllegalArgumentException("scorecard cannot show scoring '" + value + "'");
        };
    }
}
