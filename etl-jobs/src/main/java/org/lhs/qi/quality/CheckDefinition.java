package org.lhs.qi.quality;

import java.nio.file.Path;
import java.util.List;

/**
 * One data-quality check as written in a check file. Parameters a kind does not use are null or empty; the
 * table is an entry of the {@link DqTable} whitelist, codes, units and bounds only ever travel as bind values.
 * {@code extractMode} is the mode of extract an {@code extract-*} check applies to ({@code full} by default).
 */
public record CheckDefinition(String id, String description, CheckKind kind, CheckSeverity severity, boolean perSite,
        double threshold, DqTable table, String column, List<String> codes, List<String> codeSystems, String unit,
        Double min, Double max, TemporalRule rule, int graceDays, ExtractMode extractMode, Path file, int line) {

    public CheckDefinition {
        codes = codes == null ? List.of() : List.copyOf(codes);
        codeSystems = codeSystems == null ? List.of() : List.copyOf(codeSystems);
        extractMode = extractMode == null ? ExtractMode.FULL : extractMode;
    }

    /** Where the check was defined, {@code file:line}, for messages. */
    public String location() {
        return (file == null ? "<memory>" : file.toString()) + ":" + line;
    }
}
