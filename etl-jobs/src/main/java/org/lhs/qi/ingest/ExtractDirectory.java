package org.lhs.qi.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the canonical extract files of a folder. */
public final class ExtractDirectory {

    private static final Logger log = LoggerFactory.getLogger(ExtractDirectory.class);

    private ExtractDirectory() {}

    /**
     * The {@code <table>.csv} files of a folder in dependency order (site, patient, coverage, encounter, …).
     * Tables without a file are simply absent; other {@code *.csv} files are warned about and left out.
     */
    public static List<Path> canonicalFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("extract folder " + dir + " does not exist or is not a folder");
        }
        List<String> order = CanonicalTables.tableNames();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                if (CanonicalTables.byFileName(name).isPresent()) {
                    found.add(p);
                } else {
                    log.warn("{}: not a canonical extract file (expected {}.csv), ignored", p, String.join(".csv, ", order));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list extract folder " + dir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparingInt(p -> order.indexOf(
                CanonicalTables.byFileName(p.getFileName().toString()).orElseThrow().table())));
        return List.copyOf(found);
    }
}
