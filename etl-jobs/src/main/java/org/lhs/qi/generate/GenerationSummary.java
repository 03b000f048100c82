package org.lhs.qi.generate;

import java.util.List;
import java.util.Map;

/**
 * What a generation wrote.
 *
 * @param rowsPerFile    data rows (header excluded) per file name, in canonical file order
 * @param plantedEffects human-readable descriptions of the effects the scorecard should reveal
 */
public record GenerationSummary(Map<String, Long> rowsPerFile, List<String> plantedEffects) {

    public GenerationSummary {
        rowsPerFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerFile));
        plantedEffects = List.copyOf(plantedEffects);
    }
}
