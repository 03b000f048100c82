package org.lhs.qi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.lhs.qi.db.EmbeddedPostgresServer;
import org.lhs.qi.generate.GeneratorSettings;
import org.lhs.qi.generate.HealthSystemGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qi demo}: an embedded PostgreSQL 17 kept under a local folder, a generated health system, a full
 * nightly run and the scorecard PDFs — everything on a fresh machine with no database server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a synthetic health system, run the nightly job on an embedded PostgreSQL, write PDFs.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = ".qi-demo", description = "Folder for the demo database and extract (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--date", description = "Business date (default: today).")
    LocalDate date;

    @Option(names = "--patients", defaultValue = "5000", description = "Patients to generate (default ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    NightlyFolders folders;

    @Override
    public Integer call() throws Exception {
        LocalDate businessDate = date != null ? date : LocalDate.now();
        Path extract = dir.resolve("extract-" + businessDate + "-p" + patients + "-s" + seed
                + "-v" + HealthSystemGenerator.DATA_VERSION);
        if (!Files.isRegularFile(extract.resolve("patient.csv"))) {
            // a new extract (other settings or generator) needs a fresh warehouse: a full extract does not delete
            // the rows an earlier extract left behind, which would mix two synthetic systems
            Path pgdata = dir.resolve("pgdata");
            if (Files.isDirectory(pgdata)) {
                System.out.println("demo: new extract, so the demo database in " + pgdata + " starts afresh");
                try (var files = Files.walk(pgdata)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            System.out.println("demo: generating " + patients + " patients into " + extract);
            new HealthSystemGenerator(new GeneratorSettings(patients, 4, 24, seed, businessDate)).write(extract);
        }
        System.out.println("demo: starting embedded PostgreSQL 17 in " + dir.resolve("pgdata"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("pgdata").toAbsolutePath())) {
            return NightlyLauncher.run(server.settings(), businessDate, extract, folders.definitions, folders.output,
                    folders.dataQuality);
        }
    }
}
