package org.lhs.qi.definition;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One validated indicator definition. {@code valueSets} maps the local names used in criteria to the
 * loaded (namespaced) value sets; {@code contentHash} is the SHA-256 of the file and its value set files.
 */
public record IndicatorDefinition(String id, String version, String title, String description, Domain domain,
                                  String steward, List<String> references, Double target, Improvement improvement,
                                  Scoring scoring, Basis basis, Double multiplier, Map<String, ValueSet> valueSets,
                                  Populations populations, List<Stratifier> stratifiers, List<TestCase> tests,
                                  Path sourceFile, String contentHash) {

    /** A readable English rendering of the definition for reports and {@code qi explain}. */
    public String plainLanguage() {
        return PlainLanguage.render(this);
    }

    /** The namespaced value set name of a local name used in a criterion. */
    public String valueSetName(String localName) {
        ValueSet vs = valueSets.get(localName);
        return vs != null ? vs.name() : ValueSet.qualifiedName(id, localName);
    }
}
