package org.lhs.qi.report;

/**
 * The parts of a continuous-variable {@code qi.indicator} row a scorecard shows: the observations are aggregated by
 * {@code aggregate} ({@code median} or {@code mean}) in {@code unit} (e.g. {@code minutes}; may be null); target may
 * be null; {@code basis} is {@code encounter} or {@code patient}.
 */
public record ContinuousIndicator(String id, String title, String description, String definitionText, Domain domain,
        String basis, Improvement improvement, Double target, String aggregate, String unit) {

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

    /** True when the observations are aggregated by their mean rather than their median. */
    public boolean mean() {
        return "mean".equals(aggregate);
    }
}
