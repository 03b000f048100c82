package org.lhs.qi.report;

/**
 * The parts of a {@code qi.indicator} row a scorecard shows. Target and multiplier may be null; {@code exposure} is
 * a ratio's exposure measure (e.g. {@code central-line-days}), null meaning patient-days.
 */
public record IndicatorInfo(String id, String title, String description, String definitionText, Domain domain,
        Scoring scoring, Improvement improvement, Double target, Double multiplier, String exposure) {

    /** An indicator whose ratio (if any) is per patient-days. */
    public IndicatorInfo(String id, String title, String description, String definitionText, Domain domain,
            Scoring scoring, Improvement improvement, Double target, Double multiplier) {
        this(id, title, description, definitionText, domain, scoring, improvement, target, multiplier, null);
    }

    /** The plain-language definition, falling back to the description. */
    public String plainDefinition() {
        if (definitionText != null && !definitionText.isBlank()) {
            return definitionText.strip();
        }
        if (description != null && !description.isBlank()) {
            return description.strip();
        }
        return "No plain-language definition has been provided for this indicator.";
    }
}
