package org.lhs.qi.definition;

import java.util.List;
import java.util.Optional;

/** All valid definitions of a directory, their value sets, and every diagnostic of every file. */
public record DefinitionSet(List<IndicatorDefinition> indicators, List<ValueSet> valueSets,
                            List<Diagnostic> diagnostics) {

    /** True if any file had an error (the caller must not run such a set). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The definition with this id, if valid. */
    public Optional<IndicatorDefinition> find(String id) {
        return indicators.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
