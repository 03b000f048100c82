package org.lhs.qi.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Parses and checks the eCQM criterion kinds ({@link Criterion.Ecqm}); errors carry file:line:col. */
final class EcqmCriterionParser {

    /** The YAML keys of the eCQM kinds. */
    static final List<String> KINDS = List.of("encounter-performed", "diagnosis", "observation-performed",
            "procedure-performed", "device-order", "service-order", "medication-active", "lowest-on-latest-day");
    static final List<String> WHEN_KEYS = List.of("overlaps", "during", "starts-during", "ends-during", "starts-by-end",
            "ends-by-end", "extend-back", "first");
    static final List<String> OBSERVATION_STATUSES = List.of("registered", "preliminary", "final", "amended",
            "corrected", "cancelled", "entered-in-error", "unknown");
    static final List<String> ENCOUNTER_CLASSES = List.of("inpatient", "emergency", "ambulatory", "observation", "virtual");
    private static final List<String> OPERATORS = List.of("gt", "ge", "lt", "le", "eq");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(day|week|month|year)s?");

    private final NodeReader in;
    private final Set<String> declared;
    private final Set<String> used;

    EcqmCriterionParser(NodeReader in, Set<String> declared, Set<String> used) {
        this.in = in;
        this.declared = declared;
        this.used = used;
    }

    /** Parses one eCQM criterion of the given kind; null when it has errors (already reported). */
    Criterion parse(String kind, Node node) {
        return switch (kind) {
            case "encounter-performed" -> {
                Map<String, NodeReader.Entry> m = in.mapping(node, kind, List.of("type", "discharge-in", "when"));
                if (m == null) {
                    yield null;
                }
                in.require(node, m, kind, "type");
                List<String> types = m.containsKey("type") ? valueSets(m.get("type").value(), "type") : List.of();
                String discharge = m.containsKey("discharge-in") ? valueSet(m.get("discharge-in").value(), "discharge-in") : null;
                yield types.isEmpty() ? null : new EncounterPerformed(types, discharge, when(m));
            }
            case "diagnosis" -> {
                Map<String, NodeReader.Entry> m = in.mapping(node, kind, List.of("value-set", "when"));
                List<String> vs = m == null ? List.of() : requiredValueSets(node, m, kind);
                yield vs.isEmpty() ? null : new Diagnosis(vs, when(m));
            }
            case "observation-performed" -> observation(node, kind);
            case "procedure-performed" -> {
                Map<String, NodeReader.Entry> m = in.mapping(node, kind, List.of("value-set", "when"));
                List<String> vs = m == null ? List.of() : requiredValueSets(node, m, kind);
                yield vs.isEmpty() ? null : new ProcedurePerformed(vs, when(m));
            }
            case "device-order", "service-order" -> {
                Map<String, NodeReader.Entry> m = in.mapping(node, kind, List.of("value-set", "when"));
                List<String> vs = m == null ? List.of() : requiredValueSets(node, m, kind);
                yield vs.isEmpty() ? null : new RequestOrdered(kind.equals("device-order") ? "device" : "service", vs, when(m));
            }
            case "medication-active" -> {
                Map<String, NodeReader.Entry> m = in.mapping(node, kind, List.of("value-set", "when"));
                List<String> vs = m == null ? List.of() : requiredValueSets(node, m, kind);
                yield vs.isEmpty() ? null : new MedicationActive(vs, when(m));
            }
            case "lowest-on-latest-day" -> lowest(node, kind);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Criterion observation(Node node, String kind) {
        Map<String, NodeReader.Entry> m = in.mapping(node, kind, List.of("value-set", "status", "value-in",
                "latest-value-in", "when"));
        if (m == null) {
            return null;
        }
        List<String> vs = requiredValueSets(node, m, kind);
        List<String> statuses = m.containsKey("status")
                ? in.stringList(m.get("status").value(), "status", OBSERVATION_STATUSES)
                : List.of("final", "amended", "corrected");
        String valueIn = m.containsKey("value-in") ? valueSet(m.get("value-in").value(), "value-in") : null;
        String latest = m.containsKey("latest-value-in") ? valueSet(m.get("latest-value-in").value(), "latest-value-in") : null;
        return vs.isEmpty() || statuses.isEmpty() ? null : new ObservationPerformed(vs, statuses, valueIn, latest, when(m));
    }

    private Criterion lowest(Node node, String kind) {
        Map<String, NodeReader.Entry> m = in.mapping(node, kind, List.of("value-set", "component", "readings", "test",
                "missing-value"));
        if (m == null) {
            return null;
        }
        List<String> vs = requiredValueSets(node, m, kind);
        in.require(node, m, kind, "readings", "test");
        String component = m.containsKey("component") ? valueSet(m.get("component").value(), "component") : null;
        List<LowestOnLatestDay.Reading> readings = new ArrayList<>();
        List<Node> items = m.containsKey("readings") ? in.sequence(m.get("readings").value(), "readings") : null;
        if (items != null) {
            if (items.isEmpty()) {
                in.report(m.get("readings").value(), Message.EXPECTED_SEQUENCE, "readings (non-empty)");
            }
            for (Node item : items) {
                Map<String, NodeReader.Entry> r = in.mapping(item, "readings item",
                        List.of("when", "not-on-day-of-encounter", "encounter-class-not-in"));
                if (r == null) {
                    continue;
                }
                List<String> notOnDay = r.containsKey("not-on-day-of-encounter")
                        ? valueSets(r.get("not-on-day-of-encounter").value(), "not-on-day-of-encounter") : List.of();
                List<String> classes = r.containsKey("encounter-class-not-in")
                        ? in.stringList(r.get("encounter-class-not-in").value(), "encounter-class-not-in", ENCOUNTER_CLASSES)
                        : List.of();
                readings.add(new LowestOnLatestDay.Reading(when(r), notOnDay, classes));
            }
        }
        Comparison test = m.containsKey("test") ? comparison(m.get("test").value()) : null;
        boolean missing = m.containsKey("missing-value")
                && Boolean.TRUE.equals(in.bool(m.get("missing-value").value(), "missing-value"));
        if (vs.isEmpty() || readings.isEmpty() || test == null) {
            return null;
        }
        return new LowestOnLatestDay(vs, component, List.copyOf(readings), test, missing);
    }

    private Comparison comparison(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "test", List.of("gt", "ge", "lt", "le", "eq", "unit"));
        if (m == null) {
            return null;
        }
        List<String> given = OPERATORS.stream().filter(m::containsKey).toList();
        if (given.size() != 1) {
            in.report(node, Message.COMPARISON, "test", given);
            return null;
        }
        BigDecimal value = in.number(m.get(given.get(0)).value(), "test " + given.get(0));
        String unit = m.containsKey("unit") ? in.string(m.get("unit").value(), "unit") : null;
        return value == null ? null
                : new Comparison(Comparison.Operator.valueOf(given.get(0).toUpperCase(Locale.ROOT)), value, unit);
    }

    /** The optional {@code when:} mapping: exactly one relation to {@code period}, plus window modifiers. */
    private EcqmTiming when(Map<String, NodeReader.Entry> m) {
        if (m == null || !m.containsKey("when")) {
            return null;
        }
        Node node = m.get("when").value();
        Map<String, NodeReader.Entry> w = in.mapping(node, "when", WHEN_KEYS);
        if (w == null) {
            return null;
        }
        List<EcqmTiming.Relation> relations = new ArrayList<>();
        for (EcqmTiming.Relation r : EcqmTiming.Relation.values()) {
            if (w.containsKey(r.key())) {
                relations.add(r);
                in.oneOf(w.get(r.key()).value(), r.key(), List.of("period"));
            }
        }
        if (relations.size() != 1) {
            in.report(node, Message.ECQM_WHEN, relations.stream().map(EcqmTiming.Relation::key).toList());
            return null;
        }
        Timing.Duration back = w.containsKey("extend-back") ? duration(w.get("extend-back").value()) : null;
        Timing.Duration first = w.containsKey("first") ? duration(w.get("first").value()) : null;
        return new EcqmTiming(relations.get(0), back, first);
    }

    private Timing.Duration duration(Node node) {
        String s = in.string(node, "duration");
        if (s == null) {
            return null;
        }
        Matcher mt = DURATION.matcher(s.trim());
        if (!mt.matches() || Integer.parseInt(mt.group(1)) < 1) {
            in.report(node, Message.BAD_DURATION, s);
            return null;
        }
        return new Timing.Duration(Integer.parseInt(mt.group(1)), mt.group(2) + "s");
    }

    private List<String> requiredValueSets(Node node, Map<String, NodeReader.Entry> m, String kind) {
        in.require(node, m, kind, "value-set");
        return m.containsKey("value-set") ? valueSets(m.get("value-set").value(), "value-set") : List.of();
    }

    /** One value set name or a list of them (a union, as CQL's {@code [A: "x"] union [A: "y"]}). */
    private List<String> valueSets(Node node, String what) {
        List<String> names = in.stringList(node, what, null);
        // report an unknown name at its own list item, not at the list
        List<Node> items = node instanceof SequenceNode seq && seq.getValue().size() == names.size() ? seq.getValue() : null;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (check(items == null ? node : items.get(i), names.get(i))) {
                out.add(names.get(i));
            }
        }
        return out.size() == names.size() ? List.copyOf(out) : List.of();
    }

    private String valueSet(Node node, String what) {
        String n = in.string(node, what);
        return n != null && check(node, n) ? n : null;
    }

    private boolean check(Node node, String name) {
        if (declared.contains(name)) {
            used.add(name);
            return true;
        }
        in.report(node, Message.UNKNOWN_VALUE_SET, name, declared.isEmpty() ? "none" : String.join(", ", declared));
        return false;
    }
}
