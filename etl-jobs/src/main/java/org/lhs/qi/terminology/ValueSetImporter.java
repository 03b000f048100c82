package org.lhs.qi.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code qi valuesets import}: reads FHIR ValueSet files and Bundles and stores one expansion per URL + version.
 * When one identity arrives twice, the more complete expansion wins (a complete one over a partial one, then the
 * one with more codes); two different expansions are never kept under one identity, and a difference that is not
 * a simple superset is reported. A partial expansion ({@code expansion.total} above the codes listed) is a loud warning.
 */
public final class ValueSetImporter {

    /** What happened to one identity. */
    public record Outcome(String identity, String title, int codes, boolean partial, String action, List<String> warnings) {}

    private final ImportedValueSetStore store;

    public ValueSetImporter(ImportedValueSetStore store) {
        this.store = store;
    }

    /** Imports files and folders (recursively, {@code *.json}); returns one outcome per identity seen. */
    public List<Outcome> importPaths(List<Path> paths) {
        return importPaths(paths, null);
    }

    /**
     * Imports only the expansions whose canonical URL is one of {@code urls} (all when null), e.g. those a definition
     * references: files that do not mention any of the URLs are not even parsed.
     */
    public List<Outcome> importPaths(List<Path> paths, Set<String> urls) {
        Map<String, Expansion> best = new LinkedHashMap<>();
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        for (Path p : files(paths)) {
            if (urls != null && !mentionsAny(p, urls)) {
                continue;
            }
            for (Expansion x : FhirValueSetReader.read(p)) {
                if (urls != null && !urls.contains(x.url())) {
                    continue;
                }
                Expansion prior = best.get(x.identity());
                best.put(x.identity(), prior == null ? x : choose(prior, x, warnings));
            }
        }
        List<Outcome> out = new ArrayList<>();
        var existing = store.entries();
        for (Expansion x : best.values()) {
            List<String> w = new ArrayList<>(warnings.getOrDefault(x.identity(), List.of()));
            ImportedValueSetStore.Entry stored = existing.get(x.identity());
            Expansion chosen = x;
            String action = "imported";
            if (stored != null) {
                List<Expansion.Code> storedCodes = store.codes(stored).orElse(List.of());
                Expansion old = new Expansion(stored.url(), stored.version(), x.title(), stored.total(), stored.codes(),
                        storedCodes, Set.of(), stored.source());
                if (old.keys().equals(x.keys())) {
                    out.add(new Outcome(x.identity(), x.title(), x.codes().size(), x.partial(), "unchanged", w));
                    continue;
                }
                Map<String, List<String>> cw = new LinkedHashMap<>();
                chosen = choose(old, x, cw);
                w.addAll(cw.getOrDefault(x.identity(), List.of()));
                action = chosen == old ? "kept the stored, more complete expansion" : "replaced a less complete expansion";
                if (chosen == old) {
                    out.add(new Outcome(x.identity(), x.title(), old.codes().size(), old.partial(), action, w));
                    continue;
                }
            }
            if (!chosen.skippedSystems().isEmpty()) {
                w.add("codes of systems the warehouse does not store were left out: " + chosen.skippedSystems());
            }
            if (chosen.partial()) {
                w.add("PARTIAL EXPANSION: " + chosen.codes().size() + " of " + chosen.total()
                        + " codes listed; patients coded with the missing codes will be MISSED. Import a complete expansion.");
            }
            store.put(chosen);
            out.add(new Outcome(x.identity(), x.title(), chosen.codes().size(), chosen.partial(), action, w));
        }
        return out;
    }

    /** The more complete of two expansions of one identity, noting when they disagree beyond a superset. */
    static Expansion choose(Expansion a, Expansion b, Map<String, List<String>> warnings) {
        Set<String> ka = a.keys();
        Set<String> kb = b.keys();
        if (ka.equals(kb)) {
            return a;
        }
        Expansion winner;
        if (a.partial() != b.partial()) {
            winner = a.partial() ? b : a;
        } else {
            winner = kb.size() > ka.size() ? b : a;
        }
        Expansion loser = winner == a ? b : a;
        Set<String> missing = new HashSet<>(loser.keys());
        missing.removeAll(winner.keys());
        if (!missing.isEmpty()) {
            warnings.computeIfAbsent(a.identity(), k -> new ArrayList<>()).add("two different expansions of "
                    + a.identity() + " (" + a.codes().size() + " codes in " + a.source() + ", " + b.codes().size()
                    + " in " + b.source() + "); kept " + winner.source() + ", which lacks " + missing.size()
                    + " code(s) of the other, e.g. " + missing.iterator().next());
        }
        return winner;
    }

    /** Cheap pre-filter: a file whose text contains none of the URLs' last segments (the OIDs) cannot define them. */
    private static boolean mentionsAny(Path file, Set<String> urls) {
        try {
            String text = Files.readString(file);
            return urls.stream().anyMatch(u -> text.contains(u.substring(u.lastIndexOf('/') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> f.toString().toLowerCase().endsWith(".json")).sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException(p + " does not exist");
            }
        }
        return out;
    }
}
