package org.lhs.qi.definition;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses one definition file into an {@link IndicatorDefinition}: YAML node tree (with positions) →
 * structure and semantic checks → model. Never throws for bad content; every problem becomes a diagnostic.
 */
public final class DefinitionParser {

    /** Outcome of parsing one file: the definition (null on errors), its value sets and all diagnostics. */
    public record Result(IndicatorDefinition definition, List<ValueSet> valueSets, List<Diagnostic> diagnostics,
                         Node idNode) {
        /** True if any diagnostic is an error. */
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    static final List<String> TOP_KEYS = List.of("id", "version", "title", "description", "domain", "steward",
            "references", "target", "improvement", "scoring", "basis", "multiplier", "value-sets", "criteria", "populations",
            "stratifiers", "tests");
    static final List<String> POPULATION_KEYS = List.of("initial-population", "denominator", "denominator-exclusion",
            "denominator-exception", "numerator", "numerator-exclusion", "numerator-events", "exposure",
            "numerator-initial-population", "measure-population", "measure-population-exclusion", "measure-observation");
    static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private DefinitionParser() {}

    /** Parses {@code file}; value set paths are resolved against {@code baseDir} (the definitions directory). */
    public static Result parse(Path file, Path baseDir) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        NodeReader in = new NodeReader(file, diagnostics);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > DefinitionLimits.MAX_DEFINITION_BYTES) {
                in.report((Mark) null, Message.FILE_TOO_LARGE, size, DefinitionLimits.MAX_DEFINITION_BYTES);
                return new Result(null, List.of(), diagnostics, null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.of(file, 1, 1, Message.FILE_UNREADABLE, e.getMessage()));
            return new Result(null, List.of(), diagnostics, null);
        }
        Node root;
        try {
            LoaderOptions options = DefinitionLimits.loaderOptions();
            root = new Yaml(options).compose(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            in.report(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), Message.YAML_SYNTAX,
                    e.getProblem() != null ? e.getProblem() : e.getMessage());
            return new Result(null, List.of(), diagnostics, null);
        } catch (YAMLException e) {
            in.report((Mark) null, Message.YAML_SYNTAX, e.getMessage());
            return new Result(null, List.of(), diagnostics, null);
        }
        if (root == null) {
            in.report((Mark) null, Message.EXPECTED_MAPPING, "a definition file");
            return new Result(null, List.of(), diagnostics, null);
        }
        if (!new NodeGuard(in).check(root)) {
            return new Result(null, List.of(), diagnostics, null);
        }
        Result r;
        try {
            r = new Session(in, diagnostics, file, baseDir, bytes).definition(root);
        } catch (RuntimeException e) {
            // a validator bug must still end as a diagnostic, never as a stack trace in `qi validate`
            in.report(root, Message.INTERNAL, e);
            r = new Result(null, List.of(), diagnostics, null);
        }
        return new Result(r.definition(), r.valueSets(), inFileOrder(r.diagnostics()), r.idNode());
    }

    /** Groups diagnostics by file (in order of first appearance) and sorts each file's by position. */
    private static List<Diagnostic> inFileOrder(List<Diagnostic> diagnostics) {
        Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
        // a library criterion used twice brings its findings twice: keep one
        new LinkedHashSet<>(diagnostics).forEach(d -> byFile.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d));
        List<Diagnostic> out = new ArrayList<>();
        for (List<Diagnostic> ds : byFile.values()) {
            ds.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
            out.addAll(ds);
        }
        return List.copyOf(out);
    }

    /** Parsing state of one file. */
    private static final class Session {
        private final NodeReader in;
        private final List<Diagnostic> diagnostics;
        private final Path file;
        private final Path baseDir;
        private final byte[] bytes;

        Session(NodeReader in, List<Diagnostic> diagnostics, Path file, Path baseDir, byte[] bytes) {
            this.in = in;
            this.diagnostics = diagnostics;
            this.file = file;
            this.baseDir = baseDir;
            this.bytes = bytes;
        }

        Result definition(Node root) {
            Map<String, NodeReader.Entry> m = in.mapping(root, "the definition", TOP_KEYS);
            if (m == null) {
                return new Result(null, List.of(), diagnostics, null);
            }
            in.require(root, m, "the definition", "id", "version", "title", "domain", "scoring", "basis",
                    "improvement", "populations");
            String id = str(m, "id");
            if (id != null && !KEBAB.matcher(id).matches()) {
                in.report(m.get("id").value(), Message.INVALID_ID, id);
            }
            String version = str(m, "version");
            String title = str(m, "title");
            String description = str(m, "description");
            String steward = str(m, "steward");
            Domain domain = code(m, "domain", Domain.codes(), Domain::fromCode);
            Scoring scoring = code(m, "scoring", Scoring.codes(), Scoring::fromCode);
            Basis basis = code(m, "basis", Basis.codes(), Basis::fromCode);
            Improvement improvement = code(m, "improvement", Improvement.codes(), Improvement::fromCode);
            List<String> references = m.containsKey("references")
                    ? in.stringList(m.get("references").value(), "references", null) : List.of();
            Double target = num(m, "target");
            if (target != null && scoring == Scoring.PROPORTION && (target < 0 || target > 1)) {
                in.report(m.get("target").value(), Message.TARGET_RANGE, target);
            }
            Double multiplier = num(m, "multiplier");
            if (multiplier != null && scoring != null && scoring != Scoring.RATIO) {
                in.report(m.get("multiplier").key(), Message.NOT_FOR_SCORING, "multiplier", scoring.code());
            }
            if (target != null && scoring == Scoring.COHORT) { // continuous variable: target in the observation's unit
                in.report(m.get("target").key(), Message.NOT_FOR_SCORING, "target", "cohort");
            }
            if (scoring == Scoring.RATIO && multiplier == null) {
                multiplier = 1.0;
            }

            String ns = id != null ? id : file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Map<String, ValueSet> valueSets = valueSets(m, ns);
            Set<String> used = new LinkedHashSet<>();
            CriteriaLibraries libraries = new CriteriaLibraries(baseDir, basis, ns, diagnostics);
            Populations populations = m.containsKey("populations")
                    ? populations(m.get("populations"), m.get("criteria"), scoring, basis, valueSets.keySet(), used,
                            libraries) : null;
            if (m.containsKey("value-sets") && m.get("value-sets").value() instanceof MappingNode) {
                Map<String, NodeReader.Entry> declared = in.mapping(m.get("value-sets").value(), "value-sets", null);
                for (NodeReader.Entry e : declared == null ? List.<NodeReader.Entry>of() : declared.values()) {
                    if (!used.contains(e.name())) {
                        in.report(e.key(), Message.UNUSED_VALUE_SET, e.name());
                    }
                }
            }
            List<Stratifier> stratifiers = new ArrayList<>();
            if (m.containsKey("stratifiers")) {
                for (String s : in.stringList(m.get("stratifiers").value(), "stratifier", Stratifier.codes())) {
                    stratifiers.add(Stratifier.fromCode(s).orElseThrow());
                }
            }
            List<TestCase> tests = m.containsKey("tests") ? new TestCaseParser(in).parse(m.get("tests").value()) : List.of();
            if (tests.size() < 2) {
                in.report(m.containsKey("tests") ? m.get("tests").key() : root, Message.FEW_TESTS, tests.size());
            }

            valueSets.putAll(libraries.valueSets()); // as '<file>#<name>', never clashing with the definition's own names
            List<ValueSet> sets = List.copyOf(valueSets.values());
            boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
            Node idNode = m.containsKey("id") ? m.get("id").value() : root;
            if (errors) {
                return new Result(null, sets, diagnostics, idNode);
            }
            List<byte[]> parts = new ArrayList<>();
            parts.add(bytes);
            parts.addAll(libraries.contents());
            new TreeMap<>(valueSets).values().forEach(v -> parts.add(v.contentHash().getBytes(StandardCharsets.UTF_8)));
            String hash = Hashes.sha256(parts.toArray(byte[][]::new));
            IndicatorDefinition d = new IndicatorDefinition(id, version, title, description, domain, steward,
                    references, target, improvement, scoring, basis, multiplier,
                    Collections.unmodifiableMap(valueSets), populations,
                    List.copyOf(stratifiers), tests, file, hash);
            return new Result(d, sets, diagnostics, idNode);
        }

        private String str(Map<String, NodeReader.Entry> m, String key) {
            return m.containsKey(key) ? in.string(m.get(key).value(), key) : null;
        }

        private Double num(Map<String, NodeReader.Entry> m, String key) {
            if (!m.containsKey(key)) {
                return null;
            }
            var n = in.number(m.get(key).value(), key);
            return n == null ? null : n.doubleValue();
        }

        private <E> E code(Map<String, NodeReader.Entry> m, String key, List<String> allowed,
                           Function<String, Optional<E>> lookup) {
            if (!m.containsKey(key)) {
                return null;
            }
            String v = in.oneOf(m.get(key).value(), key, allowed);
            return v == null ? null : lookup.apply(v).orElse(null);
        }

        private Map<String, ValueSet> valueSets(Map<String, NodeReader.Entry> m, String indicatorId) {
            Map<String, ValueSet> out = new LinkedHashMap<>();
            if (!m.containsKey("value-sets")) {
                return out;
            }
            Map<String, NodeReader.Entry> entries = in.mapping(m.get("value-sets").value(), "value-sets", null);
            if (entries == null) {
                return out;
            }
            for (NodeReader.Entry e : entries.values()) {
                String rel = in.string(e.value(), "value set path");
                if (rel == null) {
                    continue;
                }
                if (org.lhs.qi.terminology.ImportedValueSetStore.isUrl(rel)) {
                    // an official value set by canonical URL: resolved in the imported store (qi valuesets import)
                    var store = new org.lhs.qi.terminology.ImportedValueSetStore(baseDir);
                    var entry = store.resolve(rel).orElse(null);
                    if (entry == null) {
                        in.report(e.value(), Message.VALUE_SET_NOT_IMPORTED, rel, store.folder());
                        out.put(e.name(), new ValueSet(ValueSet.qualifiedName(indicatorId, e.name()), indicatorId, e.name(),
                                store.folder(), "", List.of()));
                        continue;
                    }
                    rel = baseDir.relativize(store.file(entry)).toString();
                }
                Path csv = baseDir.resolve(rel).normalize();
                if (!csv.startsWith(baseDir.normalize())) {
                    // never read (and quote back in messages) files outside the library
                    in.report(e.value(), Message.VALUE_SET_OUTSIDE, rel, baseDir);
                    out.put(e.name(), new ValueSet(ValueSet.qualifiedName(indicatorId, e.name()), indicatorId, e.name(),
                            csv, "", List.of()));
                    continue;
                }
                if (!Files.isRegularFile(csv)) {
                    in.report(e.value(), Message.VALUE_SET_FILE_MISSING, rel, baseDir);
                    // still declared, so criteria referring to it do not get a second, misleading error
                    out.put(e.name(), new ValueSet(ValueSet.qualifiedName(indicatorId, e.name()), indicatorId, e.name(),
                            csv, "", List.of()));
                    continue;
                }
                ValueSet vs = ValueSetParser.parse(csv, indicatorId, e.name(), diagnostics);
                out.put(e.name(), vs != null ? vs : new ValueSet(ValueSet.qualifiedName(indicatorId, e.name()),
                        indicatorId, e.name(), csv, "", List.of()));
            }
            return out;
        }

        private Populations populations(NodeReader.Entry entry, NodeReader.Entry criteria, Scoring scoring, Basis basis,
                                        Set<String> declared, Set<String> used, CriteriaLibraries libraries) {
            Map<String, NodeReader.Entry> m = in.mapping(entry.value(), "populations", POPULATION_KEYS);
            if (m == null) {
                return null;
            }
            CriterionParser cp = new CriterionParser(in, basis, declared, used,
                    new CriterionParser.Scope("", "", libraries));
            if (criteria != null) {
                cp.namedCriteria(criteria.value());
            }
            Function<String, Criterion> crit = k -> m.containsKey(k) ? cp.parseTop(m.get(k).value(), k) : null;
            boolean cv = scoring == Scoring.CONTINUOUS_VARIABLE;
            Criterion ip = crit.apply("initial-population");
            // continuous variable: the measure population and its exclusion take the places of denominator and exclusion
            Criterion den = crit.apply(cv ? "measure-population" : "denominator");
            Criterion denex = crit.apply(cv ? "measure-population-exclusion" : "denominator-exclusion");
            Criterion denexcep = crit.apply("denominator-exception");
            Criterion num = crit.apply("numerator");
            Criterion numex = crit.apply("numerator-exclusion");
            Criterion events = crit.apply("numerator-events");
            Criterion numIp = crit.apply("numerator-initial-population");
            MeasureObservation observation = m.containsKey("measure-observation")
                    ? new MeasureObservationParser(in, cp, basis).parse(m.get("measure-observation")) : null;
            Exposure exposure = null;
            if (m.containsKey("exposure")) {
                String e = in.oneOf(m.get("exposure").value(), "exposure", Exposure.codes());
                exposure = e == null ? null : Exposure.fromCode(e).orElseThrow();
                if (exposure != null && basis == Basis.PATIENT) {
                    in.report(m.get("exposure").key(), Message.NEEDS_ENCOUNTER_BASIS, "exposure: " + exposure.code());
                }
            }
            if (!m.containsKey("initial-population")) {
                in.report(entry.value(), Message.MISSING_KEY, "initial-population", "populations");
            }
            new PopulationRules(in).check(scoring, entry, m);
            Criterion.Event eventCriterion = null;
            if (scoring == Scoring.RATIO) {
                if (events instanceof Criterion.Ref r) {
                    events = r.criterion();
                }
                if (events != null) {
                    if (events instanceof Criterion.Event ev && !(ev instanceof Criterion.Encounter enc && enc.subject())) {
                        if (ev instanceof Criterion.Observation o && o.pick() != null) {
                            in.report(m.get("numerator-events").value(), Message.LATEST_NOT_COUNTABLE);
                        }
                        eventCriterion = ev;
                    } else {
                        in.report(m.get("numerator-events").value(), Message.NOT_AN_EVENT, "numerator-events",
                                m.get("numerator-events").value().getNodeId());
                    }
                }
            }
            return new Populations(ip, den, denex, denexcep, num, numex, eventCriterion, exposure, numIp, observation);
        }
    }
}
