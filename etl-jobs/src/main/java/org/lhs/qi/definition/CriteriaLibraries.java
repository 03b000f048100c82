package org.lhs.qi.definition;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Shared criteria libraries ({@code library/<file>.yaml} under the definitions directory) as seen by ONE
 * definition: {@code ref: library/exclusions#hospice} resolves to the criterion {@code hospice} of
 * {@code library/exclusions.yaml}. A library is read and checked once per using definition, with that
 * definition's basis, and its value sets are loaded under the definition's namespace
 * ({@code <indicator-id>/exclusions#palliative-care}), so every indicator keeps its own copy, as with its
 * own value sets. Problems inside a library are reported at the library file's position, and the reference
 * gets an error naming that position; libraries may use other libraries, and a cycle is an error at the
 * reference that closes it.
 */
final class CriteriaLibraries {

    static final List<String> LIBRARY_KEYS = List.of("description", "value-sets", "criteria");
    private static final Pattern REFERENCE = Pattern.compile("library/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)#([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");

    private final Path baseDir;
    private final Basis basis;
    private final String indicatorId;
    private final List<Diagnostic> diagnostics;
    private final Map<String, Library> loaded = new LinkedHashMap<>();
    private final Deque<String> loading = new ArrayDeque<>();

    CriteriaLibraries(Path baseDir, Basis basis, String indicatorId, List<Diagnostic> diagnostics) {
        this.baseDir = baseDir;
        this.basis = basis;
        this.indicatorId = indicatorId;
        this.diagnostics = diagnostics;
    }

    /** True when a ref value names a library criterion rather than a local one. */
    static boolean isLibraryReference(String ref) {
        return ref.startsWith("library/") || ref.contains("#");
    }

    /** Resolves {@code library/<file>#<name>} referenced at {@code node} of {@code in}'s file; null after reporting. */
    Criterion resolve(NodeReader in, Node node, String ref) {
        Matcher m = REFERENCE.matcher(ref);
        if (!m.matches()) {
            in.report(node, Message.BAD_LIBRARY_REFERENCE, ref);
            return null;
        }
        String file = m.group(1);
        String name = m.group(2);
        if (loading.contains(file)) {
            List<String> chain = new ArrayList<>(loading);
            java.util.Collections.reverse(chain);
            chain.add(file);
            in.report(node, Message.LIBRARY_CYCLE, chain.stream().map(f -> "library/" + f).collect(Collectors.joining(" → ")));
            return null;
        }
        Library lib = load(in, node, file);
        if (lib == null) {
            return null;
        }
        if (lib.broken != null) {
            in.report(node, Message.LIBRARY_REFERENCE_ERRORS, ref, lib.broken);
            return null;
        }
        Parsed p = lib.criteria.get(name);
        if (p == null) {
            in.report(node, Message.UNKNOWN_LIBRARY_CRITERION, "library/" + file, name,
                    lib.criteria.isEmpty() ? "none" : String.join(", ", lib.criteria.keySet()));
            return null;
        }
        if (!p.diagnostics.isEmpty()) {
            // the library's own findings, at their positions, go wherever the reference is reported (the definition,
            // or the findings of the library criterion that uses it, shown only if that one is used); then the reference
            in.addAll(p.diagnostics);
            if (p.diagnostics.stream().anyMatch(Diagnostic::isError)) {
                Diagnostic first = p.diagnostics.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
                in.report(node, Message.LIBRARY_REFERENCE_ERRORS, ref, position(first));
                return null;
            }
        }
        return p.criterion == null ? null : new Criterion.Ref(ref, p.criterion);
    }

    /**
     * Checks every library file on its own, for authors ({@code qi validate}): a definition only reports the criteria
     * it uses, so a mistake in an unused criterion would otherwise wait for its first user. A criterion is reported
     * when it is wrong for every basis (one that is valid for one basis only is checked where it is used).
     */
    static List<Diagnostic> checkAll(Path baseDir) {
        Path folder = baseDir.resolve("library");
        List<Diagnostic> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            out.add(Diagnostic.of(folder, 1, 1, Message.FILE_UNREADABLE, e.getMessage()));
            return out;
        }
        for (Path path : files) {
            String name = path.getFileName().toString();
            String file = name.substring(0, name.length() - ".yaml".length());
            Map<String, List<List<Diagnostic>>> perCriterion = new LinkedHashMap<>();
            for (Basis basis : Basis.values()) {
                List<Diagnostic> fileLevel = new ArrayList<>();
                CriteriaLibraries libs = new CriteriaLibraries(baseDir, basis, "library-check", fileLevel);
                libs.loading.push(file);
                Library lib = libs.read(path, file);
                fileLevel.stream().filter(d -> !out.contains(d)).forEach(out::add);
                if (lib.broken != null) {
                    break; // the file itself is wrong: its findings are the same for every basis
                }
                lib.criteria.forEach((criterion, parsed) ->
                        perCriterion.computeIfAbsent(criterion, k -> new ArrayList<>()).add(parsed.diagnostics()));
            }
            perCriterion.values().stream()
                    .filter(runs -> runs.size() == Basis.values().length
                            && runs.stream().allMatch(r -> r.stream().anyMatch(Diagnostic::isError)))
                    .flatMap(runs -> runs.getFirst().stream())
                    .filter(d -> !out.contains(d))
                    .forEach(out::add);
        }
        return out;
    }

    /** Value sets of every library used so far, by their local name in the definition ({@code file#name}). */
    Map<String, ValueSet> valueSets() {
        Map<String, ValueSet> out = new LinkedHashMap<>();
        loaded.values().stream().filter(l -> l != null).forEach(l -> out.putAll(l.valueSets));
        return out;
    }

    /** The bytes of every library used, in load order, for the definition's content hash. */
    List<byte[]> contents() {
        return loaded.values().stream().filter(l -> l != null).map(l -> l.bytes).toList();
    }

    private Library load(NodeReader in, Node node, String file) {
        if (loaded.containsKey(file)) {
            return loaded.get(file);
        }
        Path path = baseDir.resolve("library").resolve(file + ".yaml").normalize();
        if (!Files.isRegularFile(path)) {
            in.report(node, Message.UNKNOWN_LIBRARY, "library/" + file, baseDir, available());
            loaded.put(file, null);
            return null;
        }
        loading.push(file);
        try {
            Library lib = read(path, file);
            loaded.put(file, lib);
            return lib;
        } finally {
            loading.pop();
        }
    }

    private String available() {
        try (Stream<Path> files = Files.list(baseDir.resolve("library"))) {
            String names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .map(n -> "library/" + n.substring(0, n.length() - 5)).collect(Collectors.joining(", "));
            return names.isEmpty() ? "none" : names;
        } catch (IOException e) {
            return "none";
        }
    }

    private Library read(Path path, String file) {
        Library lib = new Library();
        List<Diagnostic> own = new ArrayList<>();
        NodeReader in = new NodeReader(path, own);
        Node root;
        try {
            long size = Files.size(path);
            if (size > DefinitionLimits.MAX_DEFINITION_BYTES) {
                in.report((Mark) null, Message.FILE_TOO_LARGE, size, DefinitionLimits.MAX_DEFINITION_BYTES);
                return broken(lib, own);
            }
            lib.bytes = Files.readAllBytes(path);
            root = new Yaml(DefinitionLimits.loaderOptions())
                    .compose(new StringReader(new String(lib.bytes, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            in.report(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), Message.YAML_SYNTAX,
                    e.getProblem() != null ? e.getProblem() : e.getMessage());
            return broken(lib, own);
        } catch (YAMLException | IOException e) {
            in.report((Mark) null, Message.YAML_SYNTAX, e.getMessage());
            return broken(lib, own);
        }
        if (root == null || !new NodeGuard(in).check(root)) {
            if (root == null) {
                in.report((Mark) null, Message.EXPECTED_MAPPING, "a criteria library");
            }
            return broken(lib, own);
        }
        Map<String, NodeReader.Entry> m = in.mapping(root, "the criteria library", LIBRARY_KEYS);
        if (m == null) {
            return broken(lib, own);
        }
        Set<String> declared = new LinkedHashSet<>();
        if (m.containsKey("value-sets")) {
            readValueSets(in, m.get("value-sets").value(), file, lib, declared, own);
        }
        if (!own.stream().filter(Diagnostic::isError).toList().isEmpty()) {
            return broken(lib, own);
        }
        diagnostics.addAll(own); // warnings only
        String prefix = "library/" + file + "#";
        CriterionParser cp = new CriterionParser(in, basis, declared, new LinkedHashSet<>(),
                new CriterionParser.Scope(file + "#", prefix, this));
        if (m.containsKey("criteria")) {
            List<Diagnostic> scratch = new ArrayList<>();
            NodeReader criteriaIn = new NodeReader(path, scratch);
            Map<String, NodeReader.Entry> named = criteriaIn.mapping(m.get("criteria").value(), "criteria", null);
            if (!scratch.isEmpty() || named == null) {
                own.addAll(scratch);
                return broken(lib, own);
            }
            // each criterion collects its own findings: only those of criteria a definition uses are reported
            for (NodeReader.Entry e : named.values()) {
                List<Diagnostic> mine = new ArrayList<>();
                CriterionParser scoped = cp.withReader(new NodeReader(path, mine));
                Criterion c = null;
                if (!DefinitionParser.KEBAB.matcher(e.name()).matches()) {
                    scoped.reader().report(e.key(), Message.INVALID_ID, e.name());
                } else {
                    c = scoped.parseTop(e.value(), e.name());
                    if (c != null) {
                        cp.define(prefix + e.name(), e.name(), c);
                    }
                }
                lib.criteria.put(e.name(), new Parsed(c, List.copyOf(mine)));
            }
        }
        return lib;
    }

    private void readValueSets(NodeReader in, Node node, String file, Library lib, Set<String> declared,
                               List<Diagnostic> own) {
        Map<String, NodeReader.Entry> entries = in.mapping(node, "value-sets", null);
        if (entries == null) {
            return;
        }
        for (NodeReader.Entry e : entries.values()) {
            String rel = in.string(e.value(), "value set path");
            if (rel == null) {
                continue;
            }
            Path csv = baseDir.resolve(rel).normalize();
            if (!csv.startsWith(baseDir.normalize())) {
                in.report(e.value(), Message.VALUE_SET_OUTSIDE, rel, baseDir);
                continue;
            }
            if (!Files.isRegularFile(csv)) {
                in.report(e.value(), Message.VALUE_SET_FILE_MISSING, rel, baseDir);
                continue;
            }
            String local = file + "#" + e.name();
            ValueSet vs = ValueSetParser.parse(csv, indicatorId, local, own);
            if (vs != null) {
                declared.add(e.name());
                lib.valueSets.put(local, vs);
            }
        }
    }

    private Library broken(Library lib, List<Diagnostic> own) {
        diagnostics.addAll(own);
        lib.broken = own.stream().filter(Diagnostic::isError).findFirst().map(CriteriaLibraries::position)
                .orElse("the library file");
        return lib;
    }

    private static String position(Diagnostic d) {
        return d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message();
    }

    /** One library file as checked for this definition. */
    private static final class Library {
        byte[] bytes = new byte[0];
        String broken;
        final Map<String, Parsed> criteria = new LinkedHashMap<>();
        final Map<String, ValueSet> valueSets = new LinkedHashMap<>();
    }

    /** A library criterion (null when it has errors) with the findings of its own text. */
    private record Parsed(Criterion criterion, List<Diagnostic> diagnostics) {}
}
