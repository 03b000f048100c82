package org.lhs.qi.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The imported expansions of a definitions directory: {@code <dir>/valuesets/imported/}, one
 * {@code code_system,code,display} CSV per URL + version plus {@code index.tsv} (url, version, file, codes, total,
 * source). The folder is git-ignored: expansions carry licensed codes, so each installation imports what it is
 * licensed for. A definition names a set by URL ({@code url} = the highest imported version, or {@code url|version}).
 */
public final class ImportedValueSetStore {

    /** The store folder relative to the definitions directory. */
    public static final String FOLDER = "valuesets/imported";
    private static final String INDEX = "index.tsv";
    private static final String HEADER = "url\tversion\tfile\tcodes\ttotal\tsource";

    /** One index line. */
    public record Entry(String url, String version, String file, int codes, Integer total, String source) {
        /** True when the stored expansion is known to be incomplete. */
        public boolean partial() {
            return total != null && total > codes;
        }
    }

    private final Path folder;

    public ImportedValueSetStore(Path definitionsDir) {
        this.folder = definitionsDir.toAbsolutePath().normalize().resolve(FOLDER);
    }

    public Path folder() {
        return folder;
    }

    /** True for references that name an imported set rather than a CSV path. */
    public static boolean isUrl(String reference) {
        return reference.startsWith("http://") || reference.startsWith("https://") || reference.startsWith("urn:");
    }

    /** The index, keyed by {@code url|version}. */
    public TreeMap<String, Entry> entries() {
        TreeMap<String, Entry> out = new TreeMap<>();
        Path index = folder.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (line.equals(HEADER) || f.length < 6) {
                    continue;
                }
                out.put(f[0] + "|" + f[1], new Entry(f[0], f[1], f[2], Integer.parseInt(f[3]),
                        f[4].isEmpty() ? null : Integer.valueOf(f[4]), f[5]));
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + index + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The entry a reference resolves to: {@code url|version} exactly, or for a bare URL the highest version
     * (VSAC versions are dates, so text order is time order).
     */
    public Optional<Entry> resolve(String reference) {
        TreeMap<String, Entry> all = entries();
        if (all.containsKey(reference)) {
            return Optional.of(all.get(reference));
        }
        return all.values().stream().filter(e -> e.url().equals(reference)).max(Comparator.comparing(Entry::version));
    }

    /** The CSV file of an entry. */
    public Path file(Entry e) {
        return folder.resolve(e.file());
    }

    /** The stored expansion of an identity, read back for comparison, or empty. */
    public Optional<List<Expansion.Code>> codes(Entry e) {
        Path f = file(e);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            List<Expansion.Code> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                List<String> cells = Csv.split(line);
                out.add(new Expansion.Code(cells.get(0), cells.get(1), cells.size() > 2 ? cells.get(2) : ""));
            }
            return Optional.of(out);
        } catch (IOException e2) {
            throw new UncheckedIOException(e2);
        }
    }

    /** Writes (or replaces) one expansion and its index line; files are written then moved, so readers never see half. */
    public Entry put(Expansion x) {
        try {
            Files.createDirectories(folder);
            String name = fileName(x);
            StringBuilder csv = new StringBuilder("code_system,code,display\n");
            for (Expansion.Code c : x.codes()) {
                csv.append(c.codeSystem()).append(',').append(Csv.quote(c.code())).append(',')
                        .append(Csv.quote(c.display())).append('\n');
            }
            write(folder.resolve(name), csv.toString());
            TreeMap<String, Entry> all = entries();
            Entry e = new Entry(x.url(), x.version(), name, x.codes().size(), x.total(), x.source());
            all.put(x.identity(), e);
            StringBuilder index = new StringBuilder(HEADER).append('\n');
            for (Entry i : all.values()) {
                index.append(String.join("\t", i.url(), i.version(), i.file(), Integer.toString(i.codes()),
                        i.total() == null ? "" : i.total().toString(), i.source().replace('\t', ' '))).append('\n');
            }
            write(folder.resolve(INDEX), index.toString());
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the value set store " + folder + ": " + e.getMessage(), e);
        }
    }

    /** {@code <last url segment>@<version>.csv}, reduced to safe characters. */
    static String fileName(Expansion x) {
        String tail = x.url().substring(x.url().lastIndexOf('/') + 1);
        String raw = tail + "@" + (x.version().isEmpty() ? "unversioned" : x.version());
        return raw.replaceAll("[^A-Za-z0-9._@-]", "_") + ".csv";
    }

    private static void write(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
