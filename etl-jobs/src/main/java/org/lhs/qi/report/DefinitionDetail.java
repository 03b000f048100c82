package org.lhs.qi.report;

import java.util.List;

/**
 * How one indicator is defined, for the appendix: identity, version and content hash, scoring, and the
 * plain-language rendering of its populations ({@code definitionText}); {@code valueSets} as "name (n codes)".
 * A continuous-variable indicator has its {@code aggregate} (median, mean) and {@code observationUnit}, a ratio its
 * {@code exposure} measure (e.g. {@code central-line-days}, null = patient-days); null otherwise.
 */
public record DefinitionDetail(String id, String title, String version, String contentHash, String scoring,
        String basis, String improvement, Double target, Double multiplier, String sourceFile,
        String definitionText, List<String> valueSets, String aggregate, String observationUnit, String exposure) {

    public DefinitionDetail {
        valueSets = List.copyOf(valueSets);
    }

    /** A proportion or ratio definition. */
    public DefinitionDetail(String id, String title, String version, String contentHash, String scoring, String basis,
            String improvement, Double target, Double multiplier, String sourceFile, String definitionText,
            List<String> valueSets) {
        this(id, title, version, contentHash, scoring, basis, improvement, target, multiplier, sourceFile,
                definitionText, valueSets, null, null, null);
    }
}
