package org.lhs.qi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.lhs.qi.compile.CompiledIndicator;
import org.lhs.qi.compile.IndicatorCompiler;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.Diagnostic;
import org.lhs.qi.definition.IndicatorDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qi explain <id>}: the definition in plain language, then its compiled SQL and bind parameters. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show an indicator in plain language, its compiled SQL and the SQL's bind parameters.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<id>", description = "Indicator id (see `qi list`).")
    String id;

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DefinitionSet set = DefinitionRepository.load(definitions);
        IndicatorDefinition d = set.find(id).orElse(null);
        if (d == null) {
            // an invalid definition is never compiled: show its errors instead
            set.diagnostics().stream().filter(Diagnostic::isError).forEach(err::println);
            err.printf("qi: no valid indicator '%s' in %s (valid: %s)%n", id, definitions,
                    String.join(", ", set.indicators().stream().map(IndicatorDefinition::id).toList()));
            err.flush();
            return set.hasErrors() ? ExitCodes.INVALID_DEFINITIONS : ExitCodes.USAGE;
        }
        CompiledIndicator compiled = new IndicatorCompiler().compile(d);
        out.println(d.plainLanguage());
        out.println();
        out.println("Compiled SQL (all reporting periods in one statement):");
        out.println(compiled.sql());
        out.println();
        out.println("Bind parameters (besides :business_date, :run_id, :period_kinds, :period_starts, :period_ends):");
        for (Map.Entry<String, Object> p : new TreeMap<>(compiled.parameters()).entrySet()) {
            out.printf("  :%s = %s%n", p.getKey(), p.getValue());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
