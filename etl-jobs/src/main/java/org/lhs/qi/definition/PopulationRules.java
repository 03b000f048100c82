package org.lhs.qi.definition;

import java.util.List;
import java.util.Map;

/**
 * Which populations each scoring needs and accepts (FHIR Measure / HL7 CQM IG): a population key the
 * scoring does not use is an error at the key, a missing required one an error at {@code populations}.
 */
final class PopulationRules {

    private static final List<String> PROPORTION = List.of("initial-population", "denominator", "denominator-exclusion",
            "denominator-exception", "numerator", "numerator-exclusion");
    private static final List<String> RATIO_EVENTS = List.of("numerator-events", "exposure");
    private static final List<String> RATIO_POPULATIONS = List.of("numerator", "numerator-exclusion",
            "numerator-initial-population");
    private static final List<String> RATIO_COMMON = List.of("initial-population", "denominator", "denominator-exclusion");
    private static final List<String> CONTINUOUS = List.of("initial-population", "measure-population",
            "measure-population-exclusion", "measure-observation");

    private final NodeReader in;

    PopulationRules(NodeReader in) {
        this.in = in;
    }

    void check(Scoring scoring, NodeReader.Entry populations, Map<String, NodeReader.Entry> m) {
        if (scoring == null) {
            return;
        }
        switch (scoring) {
            case PROPORTION -> {
                allowOnly(m, PROPORTION, scoring);
                require(populations, m, scoring, "numerator");
            }
            case COHORT -> allowOnly(m, List.of("initial-population"), scoring);
            case CONTINUOUS_VARIABLE -> {
                allowOnly(m, CONTINUOUS, scoring);
                require(populations, m, scoring, "measure-observation");
            }
            case RATIO -> ratio(populations, m);
        }
    }

    /** Events per exposure, or a ratio of two populations (HL7 "Initial Population 1/2"); never both. */
    private void ratio(NodeReader.Entry populations, Map<String, NodeReader.Entry> m) {
        boolean events = RATIO_EVENTS.stream().anyMatch(m::containsKey);
        boolean separate = RATIO_POPULATIONS.stream().anyMatch(m::containsKey);
        if (events && separate) {
            NodeReader.Entry first = RATIO_POPULATIONS.stream().filter(m::containsKey).map(m::get).findFirst().orElseThrow();
            in.report(first.key(), Message.RATIO_FORMS);
        }
        List<String> allowed = new java.util.ArrayList<>(RATIO_COMMON);
        allowed.addAll(RATIO_EVENTS);
        allowed.addAll(RATIO_POPULATIONS);
        allowOnly(m, allowed, Scoring.RATIO);
        if (separate && !events) {
            require(populations, m, Scoring.RATIO, "numerator");
        } else {
            RATIO_EVENTS.forEach(k -> require(populations, m, Scoring.RATIO, k));
        }
    }

    private void allowOnly(Map<String, NodeReader.Entry> m, List<String> allowed, Scoring scoring) {
        for (NodeReader.Entry e : m.values()) {
            if (!allowed.contains(e.name()) && DefinitionParser.POPULATION_KEYS.contains(e.name())) {
                in.report(e.key(), Message.NOT_FOR_SCORING, e.name(), scoring.code());
            }
        }
    }

    private void require(NodeReader.Entry populations, Map<String, NodeReader.Entry> m, Scoring scoring, String key) {
        if (!m.containsKey(key)) {
            in.report(populations.value(), Message.MISSING_POPULATION, scoring.code(), key);
        }
    }
}
