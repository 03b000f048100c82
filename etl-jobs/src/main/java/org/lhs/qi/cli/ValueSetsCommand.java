package org.lhs.qi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lhs.qi.terminology.ImportedValueSetStore;
import org.lhs.qi.terminology.ValueSetImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qi valuesets}: manage the imported (licensed) FHIR value set expansions definitions refer to by URL. */
@Command(name = "valuesets", mixinStandardHelpOptions = true,
        description = "Manage imported FHIR value set expansions (definitions refer to them by canonical URL).",
        subcommands = {ValueSetsCommand.Import.class})
final class ValueSetsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("usage: qi valuesets import <file-or-folder>... [--definitions DIR]");
        return ExitCodes.USAGE;
    }

    /** {@code qi valuesets import}: store ValueSet resources and Bundles, one expansion per URL + version. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import FHIR ValueSet JSON (single resources or Bundles, files or folders) into "
                    + "<definitions>/" + ImportedValueSetStore.FOLDER + "; keeps the more complete expansion of each URL + version.")
    static final class Import implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "ValueSet/Bundle JSON files or folders.")
        List<Path> paths;

        @Option(names = "--definitions", defaultValue = "indicator-definitions",
                description = "Definitions folder (default ${DEFAULT-VALUE}).")
        Path definitions;

        @Override
        public Integer call() {
            ImportedValueSetStore store = new ImportedValueSetStore(definitions);
            List<ValueSetImporter.Outcome> outcomes;
            try {
                outcomes = new ValueSetImporter(store).importPaths(paths);
            } catch (RuntimeException e) {
                System.err.println("qi: " + e.getMessage());
                return ExitCodes.ENVIRONMENT;
            }
            int partial = 0;
            for (ValueSetImporter.Outcome o : outcomes) {
                for (String w : o.warnings()) {
                    System.err.println("WARNING " + o.identity() + " (" + o.title() + "): " + w);
                }
                partial += o.partial() ? 1 : 0;
            }
            long changed = outcomes.stream().filter(o -> !o.action().equals("unchanged")).count();
            System.out.printf("%d value set expansion(s) in %s: %d new or changed, %d unchanged, %d PARTIAL%n",
                    outcomes.size(), store.folder(), changed, outcomes.size() - changed, partial);
            if (partial > 0) {
                System.err.printf("WARNING: %d expansion(s) are PARTIAL (expansion.total above the codes listed); "
                        + "definitions using them will miss patients coded outside the listed codes.%n", partial);
            }
            return ExitCodes.OK;
        }
    }
}
