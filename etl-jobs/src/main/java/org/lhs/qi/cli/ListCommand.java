package org.lhs.qi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.IndicatorDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qi list}: one line per valid definition (id, version, domain, scoring, basis, title). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the indicator definitions: id, version, domain, scoring, basis, title.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DefinitionSet set = DefinitionRepository.load(definitions);
        out.printf("%-36s %-8s %-10s %-20s %-10s %s%n", "ID", "VERSION", "DOMAIN", "SCORING", "BASIS", "TITLE");
        for (IndicatorDefinition d : set.indicators()) {
            out.printf("%-36s %-8s %-10s %-20s %-10s %s%n", d.id(), d.version(), d.domain().code(), d.scoring().code(),
                    d.basis().code(), d.title());
        }
        out.flush();
        if (set.hasErrors()) {
            spec.commandLine().getErr().printf("some definitions have errors and are not listed: run `qi validate`%n");
            spec.commandLine().getErr().flush();
            return ExitCodes.INVALID_DEFINITIONS;
        }
        return ExitCodes.OK;
    }
}
