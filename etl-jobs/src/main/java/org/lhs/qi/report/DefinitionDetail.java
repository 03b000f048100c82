package org.lhs.qi.report;

import java.util.List;

/**
 * How one indicator is defined, for the appendix: identity, version and content hash, scoring, and the
 * plain-language rendering of its populations ({@code definitionText}); {@code valueSets} as "name (n codes)".
 */
public record DefinitionDetail(String id, String title, String version, String contentHash, String scoring,
        String basis, String improvement, Double target, Double multiplier, String sourceFile,
        String definitionText, List<String> valueSets) {

    public DefinitionDetail {
        valueSets = List.copyOf(valueSets);
    }
}
