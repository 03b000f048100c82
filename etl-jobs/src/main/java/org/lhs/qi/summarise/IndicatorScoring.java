package org.lhs.qi.summarise;

/**
 * What the summarise step needs to know of an indicator, read from {@code qi.indicator}.
 *
 * @param scoring     {@code proportion}, {@code ratio}, {@code continuous-variable} or {@code cohort}
 * @param multiplier  ratio multiplier (e.g. 1,000 patient-days); ignored for proportions
 * @param target      target rate on the published scale (fraction for proportions), or null
 * @param improvement {@code increase} or {@code decrease}
 * @param aggregate   continuous variable: {@code median} or {@code mean}; null otherwise
 */
public record IndicatorScoring(String indicatorId, String version, String contentHash, String scoring,
        double multiplier, Double target, String improvement, String aggregate) {

    /** Scoring without an aggregate method (proportion, ratio, cohort). */
    public IndicatorScoring(String indicatorId, String version, String contentHash, String scoring,
            double multiplier, Double target, String improvement) {
        this(indicatorId, version, contentHash, scoring, multiplier, target, improvement, null);
    }

    public boolean isRatio() {
        return "ratio".equals(scoring);
    }

    /** True for continuous-variable scoring (an aggregate of measure observations). */
    public boolean isContinuous() {
        return "continuous-variable".equals(scoring);
    }
}
