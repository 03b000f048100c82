package org.lhs.qi.summarise;

/**
 * What the summarise step needs to know of an indicator, read from {@code qi.indicator}.
 *
 * @param scoring     {@code proportion}, {@code ratio} or {@code cohort}
 * @param multiplier  ratio multiplier (e.g. 1,000 patient-days); ignored for proportions
 * @param target      target rate on the published scale (fraction for proportions), or null
 * @param improvement {@code increase} or {@code decrease}
 */
public record IndicatorScoring(String indicatorId, String version, String contentHash, String scoring,
        double multiplier, Double target, String improvement) {

    public boolean isRatio() {
        return "ratio".equals(scoring);
    }
}
