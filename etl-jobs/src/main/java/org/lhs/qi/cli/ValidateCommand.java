package org.lhs.qi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qi validate}: checks every definition and value set, printing each problem as file:line:col. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the indicator definitions; print every problem as file:line:col: message.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Override
    public Integer call() {
        DefinitionSet set = DefinitionRepository.load(definitions);
        for (Diagnostic d : set.diagnostics()) {
            System.err.println(d);
        }
        long errors = set.diagnostics().stream().filter(d -> d.severity().name().equals("ERROR")).count();
        long warnings = set.diagnostics().size() - errors;
        if (set.hasErrors()) {
            System.err.printf("%d error(s), %d warning(s) in %s%n", errors, warnings, definitions);
            return ExitCodes.INVALID_DEFINITIONS;
        }
        System.out.printf("%d indicator(s) valid, %d warning(s)%n", set.indicators().size(), warnings);
        return ExitCodes.OK;
    }
}
