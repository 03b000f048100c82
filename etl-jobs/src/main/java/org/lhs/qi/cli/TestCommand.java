package org.lhs.qi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.EmbeddedPostgresServer;
import org.lhs.qi.db.SchemaMigrator;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.Diagnostic;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.testcase.DefinitionTestRunner;
import org.lhs.qi.testcase.TestCaseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qi test [<id>...]}: runs the definitions' test cases on PostgreSQL (QI_DB_URL/PG* if set, else a
 * throw-away embedded server) and prints, per case and subject, the populations expected and got.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the test cases of the definitions (all, or the given ids) on PostgreSQL.")
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "<id>", description = "Indicator ids (default: all).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Spec
    CommandSpec spec;

    /** Set by tests to reuse their database; otherwise chosen from the environment. */
    DataSource dataSource;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DefinitionSet set = DefinitionRepository.load(definitions);
        if (set.hasErrors()) {
            // no SQL runs for a library with errors
            set.diagnostics().stream().filter(Diagnostic::isError).forEach(err::println);
            err.printf("qi: definitions have errors: nothing was run%n");
            err.flush();
            return ExitCodes.INVALID_DEFINITIONS;
        }
        List<IndicatorDefinition> selected = new ArrayList<>();
        for (String id : ids) {
            IndicatorDefinition d = set.find(id).orElse(null);
            if (d == null) {
                err.printf("qi: unknown indicator '%s' (see `qi list`)%n", id);
                err.flush();
                return ExitCodes.USAGE;
            }
            selected.add(d);
        }
        if (ids.isEmpty()) {
            selected.addAll(set.indicators());
        }
        if (dataSource != null) {
            return run(dataSource, selected);
        }
        DatabaseSettings db = DatabaseSettings.fromEnvironment(System.getenv()).orElse(null);
        if (db != null) {
            return run(db.dataSource(), selected);
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null)) {
            SchemaMigrator.migrate(server.dataSource());
            return run(server.dataSource(), selected);
        }
    }

    private int run(DataSource ds, List<IndicatorDefinition> selected) {
        PrintWriter out = spec.commandLine().getOut();
        DefinitionTestRunner runner = new DefinitionTestRunner();
        int cases = 0;
        int failed = 0;
        for (IndicatorDefinition d : selected) {
            for (TestCaseResult r : runner.run(ds, d)) {
                cases++;
                if (!r.passed()) {
                    failed++;
                }
                out.println(r);
            }
        }
        out.printf("%d test case(s) of %d indicator(s): %d passed, %d failed%n", cases, selected.size(),
                cases - failed, failed);
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
