package org.lhs.qi.definition;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed access to a SnakeYAML node tree that reports every problem as a positioned diagnostic and
 * returns null instead of throwing, so one pass finds all errors of a file.
 */
final class NodeReader {

    /** A key of a mapping with its value node. */
    record Entry(ScalarNode key, Node value) {
        String name() {
            return key.getValue();
        }
    }

    private final Path file;
    private final List<Diagnostic> diagnostics;
    /** Keys suggested for misspellings, per mapping node: their absence is not reported a second time. */
    private final Map<Node, Set<String>> suggested = new IdentityHashMap<>();

    NodeReader(Path file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    Path file() {
        return file;
    }

    /** Adds findings made elsewhere (a criteria library's) to this reader's list. */
    void addAll(List<Diagnostic> found) {
        diagnostics.addAll(found);
    }

    void report(Node node, Message message, Object... args) {
        report(node.getStartMark(), message, args);
    }

    void report(Mark mark, Message message, Object... args) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        diagnostics.add(Diagnostic.of(file, line, column, message, args));
    }

    /** The entries of a mapping node; unknown keys are reported (with the closest valid key) and skipped. */
    Map<String, Entry> mapping(Node node, String context, Collection<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            report(node, Message.EXPECTED_MAPPING, context);
            return null;
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                report(t.getKeyNode(), Message.EXPECTED_SCALAR, "a key in " + context);
                continue;
            }
            if (allowed != null && !allowed.contains(key.getValue())) {
                String suggestion = reportUnknownKey(key, context, allowed);
                if (suggestion != null) {
                    suggested.computeIfAbsent(node, n -> new HashSet<>()).add(suggestion);
                }
                continue;
            }
            out.put(key.getValue(), new Entry(key, t.getValueNode()));
        }
        return out;
    }

    /** Reports an unknown key and returns the suggested valid key, if any. */
    String reportUnknownKey(ScalarNode key, String context, Collection<String> allowed) {
        String suggestion = KeySuggester.closest(key.getValue(), allowed);
        report(key, suggestion != null ? Message.UNKNOWN_KEY : Message.UNKNOWN_KEY_NO_SUGGESTION,
                key.getValue(), context, suggestion, String.join(", ", allowed));
        return suggestion;
    }

    /** Reports the required keys that a mapping lacks (at the mapping's start). */
    void require(Node node, Map<String, Entry> entries, String context, String... keys) {
        for (String k : keys) {
            // a misspelt key was already reported with this key as suggestion: one error, not two
            if (!entries.containsKey(k) && !suggested.getOrDefault(node, Set.of()).contains(k)) {
                report(node, Message.MISSING_KEY, k, context);
            }
        }
    }

    String string(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            report(node, Message.EXPECTED_SCALAR, what);
            return null;
        }
        return s.getTag().equals(Tag.NULL) ? null : s.getValue();
    }

    BigDecimal number(Node node, String what) {
        String s = string(node, what);
        if (s == null) {
            return null;
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            try {
                return new BigDecimal(s.replace("_", ""));
            } catch (NumberFormatException e) {
                // falls through to the error below (e.g. .inf)
            }
        }
        report(node, Message.EXPECTED_NUMBER, what, s);
        return null;
    }

    Integer integer(Node node, String what) {
        String s = string(node, what);
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
        report(node, Message.EXPECTED_INTEGER, what, s);
        return null;
    }

    Boolean bool(Node node, String what) {
        String s = string(node, what);
        if (s == null) {
            return null;
        }
        if (node.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        report(node, Message.EXPECTED_BOOLEAN, what, s);
        return null;
    }

    LocalDate date(Node node, String what) {
        String s = string(node, what);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            report(node, Message.EXPECTED_DATE, what, s);
            return null;
        }
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s)) {
            report(node, Message.EXPECTED_SEQUENCE, what);
            return null;
        }
        return s.getValue();
    }

    /** One value out of a fixed list. */
    String oneOf(Node node, String what, List<String> allowed) {
        String s = string(node, what);
        if (s == null && node instanceof ScalarNode) {
            // 'basis: null' or 'basis:' must not pass as "not given" and leave a required value unset
            report(node, Message.INVALID_VALUE, what, "null", String.join(", ", allowed));
            return null;
        }
        if (s != null && !allowed.contains(s)) {
            report(node, Message.INVALID_VALUE, what, s, String.join(", ", allowed));
            return null;
        }
        return s;
    }

    /** A single value or a list of values, each from a fixed list (null allowed = any value). */
    List<String> stringList(Node node, String what, List<String> allowed) {
        List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            String v = allowed == null ? string(item, what) : oneOf(item, what, allowed);
            if (v != null) {
                out.add(v);
            }
        }
        if (items.isEmpty()) {
            report(node, Message.EXPECTED_SEQUENCE, what + " (non-empty)");
        }
        return List.copyOf(out);
    }
}
