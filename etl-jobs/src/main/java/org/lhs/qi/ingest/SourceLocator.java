package org.lhs.qi.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds where rows are in a canonical extract file: the physical line (1-based, as in {@code qi.quarantine}) of
 * each of a few source ids. Used on the failure path of the data-quality gate to point people at the offending
 * rows; it reads only the id column and stops as soon as every id is found.
 */
public final class SourceLocator {

    private SourceLocator() {}

    /**
     * Lines of {@code sourceIds} in {@code file}, a canonical CSV file of {@code table}; ids not in the file are
     * absent from the map. An unreadable file or one without the id column yields an empty map: locating rows
     * must never hide the finding it decorates.
     */
    public static Map<String, Long> locate(Path file, String table, Collection<String> sourceIds) {
        TableSpec spec = CanonicalTables.byTable(table).orElse(null);
        if (spec == null || sourceIds.isEmpty() || !Files.isRegularFile(file)) {
            return Map.of();
        }
        Set<String> wanted = new HashSet<>(sourceIds);
        Map<String, Long> found = new LinkedHashMap<>();
        try (CsvRecordSource source = new CsvRecordSource(Files.newInputStream(file), file.getFileName().toString())) {
            int idColumn = indexOf(source.header(), spec.sourceIdColumn());
            if (idColumn < 0) {
                return Map.of();
            }
            while (found.size() < wanted.size() && source.next()) {
                List<String> fields = source.fields();
                if (idColumn < fields.size()) {
                    String id = fields.get(idColumn).strip();
                    if (wanted.contains(id)) {
                        found.putIfAbsent(id, source.lineNo());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ExtractRejectedException e) {
            return found;
        }
        return found;
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
