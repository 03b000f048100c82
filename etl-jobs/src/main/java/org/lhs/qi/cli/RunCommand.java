package org.lhs.qi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.ingest.ExtractFormat;
import org.lhs.qi.ingest.ExtractRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qi run}: the nightly job for one business date against the database the environment names. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the nightly job for a business date against QI_DB_URL (or PGHOST/PGPORT/PGDATABASE/PGUSER).")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--date", required = true, description = "Business date, YYYY-MM-DD.")
    LocalDate date;

    @Option(names = "--extract", required = true, description = "Folder of the extract: canonical CSV, Synthea CSV or FHIR R4 (NDJSON or JSON).")
    Path extract;

    @Option(names = "--format", paramLabel = "canonical|synthea|fhir",
            description = "Layout of the extract folder when detection is ambiguous (default: QI_EXTRACT_FORMAT, "
                    + "else detected).")
    String format;

    @Mixin
    NightlyFolders folders;

    @Override
    public Integer call() {
        DatabaseSettings db = DatabaseSettings.fromEnvironment(System.getenv()).orElse(null);
        if (db == null) {
            System.err.println("qi: no database configured: set QI_DB_URL (with QI_DB_USER, QI_DB_PASSWORD or "
                    + "QI_DB_PASSWORD_FILE) or PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD; `qi demo` uses an "
                    + "embedded database");
            return ExitCodes.ENVIRONMENT;
        }
        if (!Files.isDirectory(extract)) {
            System.err.println("qi: extract folder " + extract + " does not exist");
            return ExitCodes.ENVIRONMENT;
        }
        ExtractFormat extractFormat;
        try {
            extractFormat = ExtractFormat.parse(format != null ? format : System.getenv("QI_EXTRACT_FORMAT"));
        } catch (IllegalArgumentException e) {
            System.err.println("qi: " + (format != null ? "--format" : "QI_EXTRACT_FORMAT") + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            extractFormat.resolve(extract); // a folder that does not match a forced format: say so before any run
        } catch (ExtractRejectedException e) {
            System.err.println("qi: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return NightlyLauncher.run(db, date, extract, folders.definitions, folders.output,
                    folders.dataQuality, extractFormat);
    }
}
