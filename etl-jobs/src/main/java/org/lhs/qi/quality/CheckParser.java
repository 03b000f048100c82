package org.lhs.qi.quality;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lhs.qi.definition.Vocabulary;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads data-quality check files ({@code checks:} — a list of checks) into {@link CheckDefinition}s. Never
 * throws for bad content: every problem becomes a positioned {@link CheckDiagnostic}, and a file with any error
 * contributes no check.
 */
public final class CheckParser {

    /** Checks and problems of one file or folder; {@code checks} is empty when there is any diagnostic. */
    public record Result(List<CheckDefinition> checks, List<CheckDiagnostic> diagnostics) {
        public boolean hasErrors() {
            return !diagnostics.isEmpty();
        }
    }

    static final List<String> COMMON_KEYS = List.of("id", "description", "kind", "threshold", "severity", "per-site");
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Codes and units are bind values, but a sane shape catches pasting accidents early. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.\\-_%\\[\\]/*{}^']{1,64}");
    private static final int MAX_CHECKS_PER_FILE = 1000;

    private final Path file;
    private final List<CheckDiagnostic> diagnostics = new ArrayList<>();

    private CheckParser(Path file) {
        this.file = file;
    }

    /** Every {@code *.yaml}/{@code *.yml} file of a folder; check ids must be unique across files. */
    public static Result parseDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Result(List.of(), List.of(new CheckDiagnostic(dir, 1, 1,
                    "data-quality folder does not exist (set qi.data-quality-dir or pass --data-quality)")));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            return new Result(List.of(), List.of(new CheckDiagnostic(dir, 1, 1, "cannot list: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            return new Result(List.of(), List.of(new CheckDiagnostic(dir, 1, 1, "no check files (*.yaml) found")));
        }
        List<CheckDefinition> checks = new ArrayList<>();
        List<CheckDiagnostic> diagnostics = new ArrayList<>();
        Map<String, CheckDefinition> ids = new HashMap<>();
        for (Path f : files) {
            Result r = parse(f);
            diagnostics.addAll(r.diagnostics());
            for (CheckDefinition c : r.checks()) {
                CheckDefinition other = ids.putIfAbsent(c.id(), c);
                if (other != null) {
                    diagnostics.add(new CheckDiagnostic(f, c.line(), 1, "check id '" + c.id()
                            + "' is already used at " + other.location()));
                } else {
                    checks.add(c);
                }
            }
        }
        return diagnostics.isEmpty() ? new Result(List.copyOf(checks), List.of()) : new Result(List.of(), diagnostics);
    }

    /** One check file. */
    public static Result parse(Path file) {
        CheckParser p = new CheckParser(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            p.report(null, "cannot read: " + e.getMessage());
            return p.result(List.of());
        }
        return p.parseText(text);
    }

    /** Check file content; {@code file} is used for positions only. */
    public static Result parse(Path file, String text) {
        return new CheckParser(file).parseText(text);
    }

    private Result parseText(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setNestingDepthLimit(20);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            report(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(),
                    "YAML syntax: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
            return result(List.of());
        } catch (YAMLException e) {
            report(null, "YAML: " + e.getMessage());
            return result(List.of());
        }
        if (root == null) {
            report(null, "empty file: expected a mapping with 'checks:'");
            return result(List.of());
        }
        Map<String, NodeTuple> top = mapping(root, "the check file", List.of("checks"));
        if (top == null) {
            return result(List.of());
        }
        if (!top.containsKey("checks")) {
            report(root.getStartMark(), "missing key 'checks' (a list of checks)");
            return result(List.of());
        }
        Node list = top.get("checks").getValueNode();
        if (!(list instanceof SequenceNode seq)) {
            report(list.getStartMark(), "'checks' must be a list of checks");
            return result(List.of());
        }
        if (seq.getValue().size() > MAX_CHECKS_PER_FILE) {
            report(list.getStartMark(), "more than " + MAX_CHECKS_PER_FILE + " checks in one file");
            return result(List.of());
        }
        List<CheckDefinition> checks = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Node item : seq.getValue()) {
            CheckDefinition c = check(item);
            if (c != null) {
                if (!ids.add(c.id())) {
                    report(item.getStartMark(), "duplicate check id '" + c.id() + "'");
                }
                checks.add(c);
            }
        }
        return result(checks);
    }

    private Result result(List<CheckDefinition> checks) {
        return diagnostics.isEmpty() ? new Result(List.copyOf(checks), List.of())
                : new Result(List.of(), List.copyOf(diagnostics));
    }

    private CheckDefinition check(Node node) {
        int before = diagnostics.size();
        // first pass: the kind decides which keys are allowed
        Map<String, NodeTuple> raw = mapping(node, "a check", null);
        if (raw == null) {
            return null;
        }
        CheckKind kind = null;
        if (raw.containsKey("kind")) {
            String k = scalar(raw.get("kind").getValueNode(), "kind");
            if (k != null) {
                kind = CheckKind.byLabel(k).orElse(null);
                if (kind == null) {
                    report(raw.get("kind").getValueNode().getStartMark(), "unknown kind '" + k + "', expected one of "
                            + String.join(", ", CheckKind.labels()));
                }
            }
        } else {
            report(node.getStartMark(), "missing key 'kind' (one of " + String.join(", ", CheckKind.labels()) + ")");
        }
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        if (kind != null) {
            allowed.addAll(kind.requiredKeys());
            allowed.addAll(kind.optionalKeys());
            for (Map.Entry<String, NodeTuple> e : raw.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    report(e.getValue().getKeyNode().getStartMark(), "unknown key '" + e.getKey() + "' for kind "
                            + kind.label() + ", expected one of " + String.join(", ", allowed));
                }
            }
            List<String> required = new ArrayList<>(List.of("id", "description", "severity"));
            if (kind != CheckKind.TABLE_NOT_EMPTY && kind != CheckKind.EXTRACT_NOT_EMPTY) {
                required.add("threshold");
            }
            required.addAll(kind.requiredKeys());
            for (String k : required) {
                if (!raw.containsKey(k)) {
                    report(node.getStartMark(), "missing key '" + k + "' for kind " + kind.label());
                }
            }
        }
        String id = raw.containsKey("id") ? scalar(value(raw, "id"), "id") : null;
        if (id != null && !ID.matcher(id).matches()) {
            report(value(raw, "id").getStartMark(), "id '" + id + "' must be kebab-case (a-z, 0-9, -)");
        }
        String description = raw.containsKey("description") ? scalar(value(raw, "description"), "description") : null;
        CheckSeverity severity = null;
        if (raw.containsKey("severity")) {
            String s = scalar(value(raw, "severity"), "severity");
            if (s != null && CheckSeverity.labels().contains(s)) {
                severity = CheckSeverity.of(s);
            } else if (s != null) {
                report(value(raw, "severity").getStartMark(), "severity '" + s + "' must be one of info, warning, critical");
            }
        }
        boolean perSite = raw.containsKey("per-site") && Boolean.TRUE.equals(bool(value(raw, "per-site"), "per-site"));
        Double threshold = raw.containsKey("threshold") ? number(value(raw, "threshold"), "threshold") : null;
        if (threshold == null && (kind == CheckKind.TABLE_NOT_EMPTY || kind == CheckKind.EXTRACT_NOT_EMPTY)
                && !raw.containsKey("threshold")) {
            threshold = 1.0;
        }
        if (threshold != null && threshold < 0) {
            report(value(raw, "threshold").getStartMark(), "threshold must not be negative");
        }
        if (threshold != null && kind != null && isShare(kind) && threshold > 1) {
            report(value(raw, "threshold").getStartMark(), "threshold of " + kind.label()
                    + " is a share between 0 and 1, was " + threshold);
        }
        DqTable table = raw.containsKey("table") ? table(value(raw, "table")) : null;
        String column = null;
        if (raw.containsKey("column") && table != null) {
            column = scalar(value(raw, "column"), "column");
            if (column != null && !table.hasColumn(column)) {
                report(value(raw, "column").getStartMark(), "unknown column '" + column + "' of table "
                        + table.tableName() + ", expected one of " + String.join(", ", table.columns()));
                column = null;
            }
        }
        List<String> codes = raw.containsKey("codes") ? tokens(value(raw, "codes"), "codes") : List.of();
        List<String> codeSystems = raw.containsKey("code-systems") ? codeSystems(value(raw, "code-systems")) : List.of();
        String unit = raw.containsKey("unit") ? token(value(raw, "unit"), "unit") : null;
        Double min = raw.containsKey("min") ? number(value(raw, "min"), "min") : null;
        Double max = raw.containsKey("max") ? number(value(raw, "max"), "max") : null;
        TemporalRule rule = null;
        if (raw.containsKey("rule")) {
            String r = scalar(value(raw, "rule"), "rule");
            rule = r == null ? null : TemporalRule.byLabel(r).orElse(null);
            if (r != null && rule == null) {
                report(value(raw, "rule").getStartMark(), "unknown rule '" + r + "', expected one of "
                        + String.join(", ", TemporalRule.labels()));
            }
        }
        ExtractMode extractMode = null;
        if (raw.containsKey("extract-mode")) {
            String m = scalar(value(raw, "extract-mode"), "extract-mode");
            extractMode = m == null ? null : ExtractMode.byLabel(m).orElse(null);
            if (m != null && extractMode == null) {
                report(value(raw, "extract-mode").getStartMark(), "unknown extract-mode '" + m + "', expected one of "
                        + String.join(", ", ExtractMode.labels()));
            }
        }
        Integer grace = raw.containsKey("grace-days") ? integer(value(raw, "grace-days"), "grace-days") : Integer.valueOf(0);
        if (kind != null) {
            semantic(kind, node, raw, table, codes, min, max, rule, grace);
        }
        if (diagnostics.size() > before) {
            return null;
        }
        return new CheckDefinition(id, description, kind, severity, perSite, threshold, table, column, codes,
                codeSystems, unit, min, max, rule, grace == null ? 0 : grace, extractMode, file, node.getStartMark().getLine() + 1);
    }

    private static boolean isShare(CheckKind kind) {
        return kind != CheckKind.FRESHNESS && kind != CheckKind.TABLE_NOT_EMPTY && kind != CheckKind.VOLUME_CHANGE
                && kind != CheckKind.EXTRACT_NOT_EMPTY && kind != CheckKind.EXTRACT_VOLUME_CHANGE;
    }

    /** Combinations the kinds need, reported at the check or the offending key. */
    private void semantic(CheckKind kind, Node node, Map<String, NodeTuple> raw, DqTable table, List<String> codes,
            Double min, Double max, TemporalRule rule, Integer grace) {
        Mark at = raw.containsKey("table") ? value(raw, "table").getStartMark() : node.getStartMark();
        switch (kind) {
            case REQUIRED_SHARE -> {
                if (!codes.isEmpty() && table != null && !table.hasCode()) {
                    report(value(raw, "codes").getStartMark(), "table " + table.tableName() + " has no codes to filter on");
                }
            }
            case CODE_SYSTEM_CONFORMANCE -> {
                if (table != null && !table.hasCode()) {
                    report(at, "table " + table.tableName() + " has no code_system column");
                }
            }
            case UNIT_CONFORMANCE, VALUE_RANGE -> {
                if (raw.containsKey("codes") && codes.isEmpty()) {
                    report(value(raw, "codes").getStartMark(), "codes must list at least one code");
                }
                if (kind == CheckKind.VALUE_RANGE && min == null && max == null && !raw.containsKey("min")
                        && !raw.containsKey("max")) {
                    report(node.getStartMark(), "value-range needs 'min', 'max' or both");
                }
                if (min != null && max != null && min > max) {
                    report(value(raw, "min").getStartMark(), "min " + min + " is greater than max " + max);
                }
            }
            case TEMPORAL_ORDER -> {
                if (rule == TemporalRule.DISCHARGE_AFTER_ADMISSION && table != null && table != DqTable.ENCOUNTER) {
                    report(at, "rule discharge-after-admission applies to table encounter only");
                }
                if ((rule == TemporalRule.BIRTH_BEFORE_EVENT || rule == TemporalRule.NO_EVENT_AFTER_DEATH)) {
                    if (!raw.containsKey("table")) {
                        report(node.getStartMark(), "rule " + rule.label() + " needs 'table' (an event table)");
                    } else if (table != null && (table.eventTime().isEmpty() || !table.hasPatient())) {
                        report(at, "table " + table.tableName() + " has no patient events to order");
                    }
                }
                if (raw.containsKey("grace-days") && rule != TemporalRule.NO_EVENT_AFTER_DEATH) {
                    report(value(raw, "grace-days").getStartMark(), "grace-days applies to rule no-event-after-death only");
                }
                if (grace != null && (grace < 0 || grace > 3650)) {
                    report(value(raw, "grace-days").getStartMark(), "grace-days must be between 0 and 3650");
                }
            }
            case FRESHNESS -> {
                if (table != null && table.eventTime().isEmpty()) {
                    report(at, "table " + table.tableName() + " has no event time");
                }
            }
            case VOLUME_CHANGE, TABLE_NOT_EMPTY, PATIENTS_WITH_ENCOUNTER_SHARE, EXTRACT_NOT_EMPTY,
                    EXTRACT_VOLUME_CHANGE -> { }
        }
    }

    // --- typed node access with positions ---

    private static Node value(Map<String, NodeTuple> raw, String key) {
        return raw.get(key).getValueNode();
    }

    private Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            report(node.getStartMark(), "expected a mapping for " + what);
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                report(t.getKeyNode().getStartMark(), "expected a plain key in " + what);
                continue;
            }
            if (allowed != null && !allowed.contains(k.getValue())) {
                report(k.getStartMark(), "unknown key '" + k.getValue() + "' in " + what + ", expected one of "
                        + String.join(", ", allowed));
                continue;
            }
            out.put(k.getValue(), t);
        }
        return out;
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            report(node.getStartMark(), "expected a value for '" + what + "'");
            return null;
        }
        return s.getValue();
    }

    private Double number(Node node, String what) {
        String s = scalar(node, what);
        if (s == null) {
            return null;
        }
        if (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT)) {
            try {
                double d = Double.parseDouble(s.replace("_", ""));
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        report(node.getStartMark(), "'" + what + "' must be a number, was '" + s + "'");
        return null;
    }

    private Integer integer(Node node, String what) {
        String s = scalar(node, what);
        if (s == null) {
            return null;
        }
        if (node.getTag().equals(Tag.INT)) {
            try {
                return Integer.valueOf(s.replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        report(node.getStartMark(), "'" + what + "' must be a whole number, was '" + s + "'");
        return null;
    }

    private Boolean bool(Node node, String what) {
        String s = scalar(node, what);
        if (s == null) {
            return null;
        }
        if (!node.getTag().equals(Tag.BOOL)) {
            report(node.getStartMark(), "'" + what + "' must be true or false, was '" + s + "'");
            return null;
        }
        return Boolean.parseBoolean(s.toLowerCase(java.util.Locale.ROOT));
    }

    private DqTable table(Node node) {
        String t = scalar(node, "table");
        if (t == null) {
            return null;
        }
        DqTable table = DqTable.byName(t).orElse(null);
        if (table == null) {
            report(node.getStartMark(), "unknown table '" + t + "', expected one of " + String.join(", ", DqTable.names()));
        }
        return table;
    }

    private String token(Node node, String what) {
        String s = scalar(node, what);
        if (s != null && !TOKEN.matcher(s).matches()) {
            report(node.getStartMark(), "'" + what + "' value '" + abbreviate(s)
                    + "' is not a code or unit (letters, digits and . - _ % [ ] / * { } ^ ' only, at most 64)");
            return null;
        }
        return s;
    }

    private List<String> tokens(Node node, String what) {
        List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            String v = token(item, what);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private List<String> codeSystems(Node node) {
        List<String> out = tokens(node, "code-systems");
        for (String s : out) {
            if (!Vocabulary.CODE_SYSTEMS.contains(s)) {
                report(node.getStartMark(), "unknown code system '" + s + "', expected one of "
                        + String.join(", ", Vocabulary.CODE_SYSTEMS));
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private void report(Mark mark, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        diagnostics.add(new CheckDiagnostic(file, line, column, message));
    }
}
