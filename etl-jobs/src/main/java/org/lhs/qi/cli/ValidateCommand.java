package org.lhs.qi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.Diagnostic;
import org.lhs.qi.quality.CheckParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qi validate}: checks every definition, criteria library and value set, printing each problem as file:line:col. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the indicator definitions and data-quality checks; print every problem as file:line:col: message.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Option(names = "--data-quality",
            description = "Data-quality check folder (default: data-quality inside the definitions folder, if present).")
    Path dataQuality;

    @Override
    public Integer call() {
        DefinitionSet set = DefinitionRepository.load(definitions);
        for (Diagnostic d : set.diagnostics()) {
            System.err.println(d);
        }
        // criteria libraries on their own: a mistake in a criterion nobody uses yet is still the author's to fix
        List<Diagnostic> libraries = DefinitionRepository.checkLibraries(definitions).stream()
                .filter(d -> !set.diagnostics().contains(d)).toList();
        libraries.forEach(System.err::println);
        long libraryErrors = libraries.stream().filter(Diagnostic::isError).count();
        Path checks = dataQuality != null ? dataQuality : definitions.resolve("data-quality");
        int checkCount = 0;
        if (dataQuality != null || Files.isDirectory(checks)) {
            CheckParser.Result dq = CheckParser.parseDirectory(checks);
            dq.diagnostics().forEach(System.err::println);
            if (dq.hasErrors()) {
                System.err.printf("%d error(s) in the data-quality checks of %s%n", dq.diagnostics().size(), checks);
                return ExitCodes.INVALID_DEFINITIONS;
            }
            checkCount = dq.checks().size();
        }
        long errors = set.diagnostics().stream().filter(Diagnostic::isError).count() + libraryErrors;
        long warnings = set.diagnostics().size() + libraries.size() - errors;
        if (errors > 0) {
            System.err.printf("%d error(s), %d warning(s) in %s%n", errors, warnings, definitions);
            return ExitCodes.INVALID_DEFINITIONS;
        }
        System.out.printf("%d indicator(s) valid, %d warning(s); %d data-quality check(s) valid%n",
                set.indicators().size(), warnings, checkCount);
        return ExitCodes.OK;
    }
}
