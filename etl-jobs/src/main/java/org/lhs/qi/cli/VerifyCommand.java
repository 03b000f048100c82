package org.lhs.qi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.EmbeddedPostgresServer;
import org.lhs.qi.db.SchemaMigrator;
import org.lhs.qi.definition.Diagnostic;
import org.lhs.qi.verify.Deck;
import org.lhs.qi.verify.DeckReader;
import org.lhs.qi.verify.DeckVerifier;
import org.lhs.qi.verify.KnownDeckDefects;
import org.lhs.qi.verify.OfficialDefinitions;
import org.lhs.qi.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qi verify}: runs a definition against an official MADiE test deck and lists every population mismatch. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run a definition against an official MADiE test deck (each case in isolation) and compare every "
                + "population with the expected MeasureReport; exit 1 on any mismatch.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DEFINITION", description = "The definition YAML file.")
    Path definition;

    @Parameters(index = "1", paramLabel = "DECK", description = "The test deck folder (with .madie and one folder per case).")
    Path deck;

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder: value set paths and imported value sets resolve here (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Option(names = "--known-defects", description = "Known deck defects file (default: <definitions>/ecqm/known-deck-defects.tsv).")
    Path knownDefects;

    @Override
    public Integer call() {
        OfficialDefinitions.Parsed parsed = OfficialDefinitions.parse(definition, definitions);
        parsed.diagnostics().forEach(System.err::println);
        if (parsed.failed()) {
            System.err.println("qi: " + definition + " has errors: nothing was run");
            return ExitCodes.INVALID_DEFINITIONS;
        }
        Deck d;
        try {
            d = DeckReader.read(deck);
        } catch (RuntimeException e) {
            System.err.println("qi: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        }
        KnownDeckDefects defects = KnownDeckDefects.read(knownDefects != null ? knownDefects
                : definitions.resolve("ecqm/known-deck-defects.tsv"));
        DatabaseSettings db = DatabaseSettings.fromEnvironment(System.getenv()).orElse(null);
        if (db != null) {
            return run(db.dataSource(), parsed, d, defects);
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null)) {
            SchemaMigrator.migrate(server.dataSource());
            return run(server.dataSource(), parsed, d, defects);
        }
    }

    private static int run(DataSource ds, OfficialDefinitions.Parsed parsed, Deck d, KnownDeckDefects defects) {
        VerificationReport report = new DeckVerifier().verify(ds, parsed.definition(), d, defects);
        report.print(System.out);
        return report.mismatches().isEmpty() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
