package org.lhs.qi.verify;

import java.nio.file.Path;
import java.util.List;
import org.lhs.qi.definition.DefinitionParser;
import org.lhs.qi.definition.Diagnostic;
import org.lhs.qi.definition.IndicatorDefinition;

/** Parses one definition file for verification; value set paths and URLs resolve against the definitions directory. */
public final class OfficialDefinitions {

    /** The parsed definition, or the diagnostics that prevent it. */
    public record Parsed(IndicatorDefinition definition, List<Diagnostic> diagnostics) {
        /** True when the definition has errors and cannot run. */
        public boolean failed() {
            return definition == null || diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private OfficialDefinitions() {}

    public static Parsed parse(Path file, Path definitionsDir) {
        DefinitionParser.Result r = DefinitionParser.parse(file.toAbsolutePath().normalize(),
                definitionsDir.toAbsolutePath().normalize());
        return new Parsed(r.definition(), r.diagnostics());
    }
}
