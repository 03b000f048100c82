package org.lhs.qi.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Parses and checks criteria (combinators and data criteria) of one definition. */
final class CriterionParser {

    static final List<String> KINDS = java.util.stream.Stream.concat(Stream.of("all", "any", "not", "patient", "encounter",
            "this-encounter", "condition", "observation", "procedure", "medication", "safety-event", "device-episode", "ref",
            "unit-stay", "survey-response"), EcqmCriterionParser.KINDS.stream()).toList();
    private static final List<String> TIMING_KEYS = List.of("during", "lookback", "before", "after-discharge",
            "starts-during", "after-admission", "before-admission", "after-unit-start");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(day|week|month|year)s?");

    /**
     * Where the criteria live: a definition (no prefixes) or a criteria library, whose value set and criterion
     * names get the library's prefix ({@code exclusions#}, {@code library/exclusions#}) in the model.
     */
    record Scope(String valueSetPrefix, String refPrefix, CriteriaLibraries libraries) {}

    private final NodeReader in;
    private final Basis basis;
    private final Set<String> declaredValueSets;
    private final Set<String> usedValueSets;
    private final Scope scope;
    /** Named criteria parsed so far, in document order (a name may only use names defined above it). */
    private final Map<String, Criterion> named;

    CriterionParser(NodeReader in, Basis basis, Set<String> declaredValueSets, Set<String> usedValueSets) {
        this(in, basis, declaredValueSets, usedValueSets, new Scope("", "", null));
    }

    CriterionParser(NodeReader in, Basis basis, Set<String> declaredValueSets, Set<String> usedValueSets, Scope scope) {
        this(in, basis, declaredValueSets, usedValueSets, scope, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private CriterionParser(NodeReader in, Basis basis, Set<String> declaredValueSets, Set<String> usedValueSets,
                            Scope scope, Map<String, Criterion> named, Map<String, Long> namedWeight) {
        this.in = in;
        this.basis = basis;
        this.declaredValueSets = declaredValueSets;
        this.usedValueSets = usedValueSets;
        this.scope = scope;
        this.named = named;
        this.namedWeight = namedWeight;
    }

    /** The same parser (sharing its named criteria) reporting to another reader. */
    CriterionParser withReader(NodeReader reader) {
        return new CriterionParser(reader, basis, declaredValueSets, usedValueSets, scope, named, namedWeight);
    }

    NodeReader reader() {
        return in;
    }

    /** Makes a parsed criterion usable by later {@code ref: localName}; {@code name} is its model name. */
    void define(String name, String localName, Criterion c) {
        namedWeight.put(name, weight(c));
        named.put(localName, c);
    }

    /** Current all/any/not nesting depth of {@link #parse}. */
    private int depth;
    /** Expanded size (data criteria, named ones counted at each use) of each named criterion. */
    private final Map<String, Long> namedWeight;

    /**
     * Parses a top-level criterion (a population or named criterion) and checks that it stays within
     * {@link DefinitionLimits#MAX_EXPANDED_CRITERIA} once named criteria are inlined, as the compiler does.
     */
    Criterion parseTop(Node node, String context) {
        Criterion c = parse(node, context);
        if (c != null) {
            long w = weight(c);
            if (w > DefinitionLimits.MAX_EXPANDED_CRITERIA) {
                in.report(node, Message.TOO_MANY_CRITERIA, context,
                        w >= Long.MAX_VALUE / 4 ? "too many" : w, DefinitionLimits.MAX_EXPANDED_CRITERIA);
                return null;
            }
        }
        return c;
    }

    /** Number of data criteria after inlining refs (saturating, so doubling chains cannot overflow). */
    private long weight(Criterion c) {
        long w = switch (c) {
            case Criterion.All a -> a.criteria().stream().mapToLong(this::weight).reduce(0, CriterionParser::saturatingAdd);
            case Criterion.Any a -> a.criteria().stream().mapToLong(this::weight).reduce(0, CriterionParser::saturatingAdd);
            case Criterion.Not n -> weight(n.criterion());
            case Criterion.Ref r -> namedWeight.containsKey(r.name()) ? namedWeight.get(r.name()) : weight(r.criterion());
            default -> 1L;
        };
        return Math.max(w, 1);
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 || s > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : s;
    }

    /** Parses a criterion node; null when it has errors (already reported). */
    Criterion parse(Node node, String context) {
        if (depth >= DefinitionLimits.MAX_CRITERION_DEPTH) {
            in.report(node, Message.CRITERION_TOO_DEEP, DefinitionLimits.MAX_CRITERION_DEPTH);
            return null;
        }
        depth++;
        try {
            return parseNode(node, context);
        } finally {
            depth--;
        }
    }

    private Criterion parseNode(Node node, String context) {
        if (!(node instanceof MappingNode m)) {
            in.report(node, Message.EXPECTED_MAPPING, context);
            return null;
        }
        Map<String, NodeReader.Entry> entries = in.mapping(m, context, null);
        if (entries.size() != 1) {
            in.report(node, Message.CRITERION_KIND, entries.keySet(), String.join(", ", KINDS));
            return null;
        }
        NodeReader.Entry e = entries.values().iterator().next();
        String kind = e.name();
        Node v = e.value();
        return switch (kind) {
            case "all", "any" -> combinator(kind, e);
            case "not" -> {
                Criterion c = parse(v, "not");
                yield c == null ? null : new Criterion.Not(c);
            }
            case "patient" -> patient(v);
            case "encounter" -> encounter(e, false);
            case "this-encounter" -> encounter(e, true);
            case "condition" -> condition(v);
            case "observation" -> observation(v);
            case "procedure" -> procedure(v);
            case "medication" -> medication(v);
            case "safety-event" -> safetyEvent(v);
            case "device-episode" -> deviceEpisode(v);
            case "ref" -> ref(v);
            case "unit-stay" -> unitStay(v);
            case "survey-response" -> surveyResponse(v);
            case String k when EcqmCriterionParser.KINDS.contains(k) ->
                    new EcqmCriterionParser(in, declaredValueSets, usedValueSets).parse(k, v);
            default -> {
                String s = KeySuggester.closest(kind, KINDS);
                in.report(e.key(), Message.UNKNOWN_CRITERION, kind, s == null ? "?" : s, String.join(", ", KINDS));
                yield null;
            }
        };
    }

    /** Parses the top-level {@code criteria:} block: name → criterion, each usable by later ones via ref. */
    Map<String, Criterion> namedCriteria(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "criteria", null);
        if (m != null) {
            for (NodeReader.Entry e : m.values()) {
                if (!DefinitionParser.KEBAB.matcher(e.name()).matches()) {
                    in.report(e.key(), Message.INVALID_ID, e.name());
                    continue;
                }
                Criterion c = parseTop(e.value(), e.name());
                if (c != null) {
                    define(scope.refPrefix() + e.name(), e.name(), c);
                }
            }
        }
        return named;
    }

    private Criterion ref(Node node) {
        String name = in.string(node, "ref");
        if (name == null) {
            return null;
        }
        if (CriteriaLibraries.isLibraryReference(name)) {
            if (scope.libraries() == null) {
                in.report(node, Message.BAD_LIBRARY_REFERENCE, name);
                return null;
            }
            return scope.libraries().resolve(in, node, name);
        }
        Criterion c = named.get(name);
        if (c == null) {
            in.report(node, Message.UNKNOWN_CRITERION_NAME, name, named.isEmpty() ? "none" : String.join(", ", named.keySet()));
            return null;
        }
        return new Criterion.Ref(scope.refPrefix() + name, c);
    }

    private Criterion deviceEpisode(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "device-episode", eventKeys("type"));
        if (m == null) {
            return null;
        }
        List<String> types = m.containsKey("type")
                ? in.stringList(m.get("type").value(), "device type", Vocabulary.DEVICE_TYPE) : List.of();
        return new Criterion.DeviceEpisode(types, timing(m), sameEncounter(m), atLeast(m));
    }

    private Criterion combinator(String kind, NodeReader.Entry e) {
        List<Node> items = in.sequence(e.value(), kind);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            in.report(e.key(), Message.EMPTY_COMBINATOR, kind);
            return null;
        }
        List<Criterion> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            Criterion c = parse(item, kind + " item");
            ok &= c != null;
            out.add(c);
        }
        if (!ok) {
            return null;
        }
        return kind.equals("all") ? new Criterion.All(List.copyOf(out)) : new Criterion.Any(List.copyOf(out));
    }

    private Criterion patient(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "patient", List.of("age", "sex"));
        if (m == null) {
            return null;
        }
        Integer min = null;
        Integer max = null;
        boolean ok = true;
        if (m.containsKey("age")) {
            Map<String, NodeReader.Entry> age = in.mapping(m.get("age").value(), "age", List.of("min", "max"));
            if (age == null) {
                return null;
            }
            if (age.containsKey("min")) {
                min = in.integer(age.get("min").value(), "age min");
                ok &= min != null;
            }
            if (age.containsKey("max")) {
                max = in.integer(age.get("max").value(), "age max");
                ok &= max != null;
            }
            if (min != null && max != null && min > max) {
                in.report(m.get("age").value(), Message.AGE_RANGE, min, max);
                ok = false;
            }
        }
        List<String> sexes = m.containsKey("sex") ? in.stringList(m.get("sex").value(), "sex", Vocabulary.SEX) : List.of();
        return ok ? new Criterion.Patient(min, max, sexes) : null;
    }

    private Criterion encounter(NodeReader.Entry e, boolean subject) {
        String kind = e.name();
        if (subject && basis == Basis.PATIENT) {
            in.report(e.key(), Message.NEEDS_ENCOUNTER_BASIS, "this-encounter");
        }
        List<String> keys = new ArrayList<>(List.of("class", "discharge-disposition", "anchor", "stay-overlaps"));
        keys.addAll(TIMING_KEYS);
        keys.add(subject ? FollowUpComplete.KEY : "at-least");
        Map<String, NodeReader.Entry> m = in.mapping(e.value(), kind, keys);
        if (m == null) {
            return null;
        }
        List<String> classes = m.containsKey("class")
                ? in.stringList(m.get("class").value(), "encounter class", Vocabulary.ENCOUNTER_CLASS) : List.of();
        List<String> dispIn = List.of();
        List<String> dispNotIn = List.of();
        if (m.containsKey("discharge-disposition")) {
            Map<String, NodeReader.Entry> d = in.mapping(m.get("discharge-disposition").value(),
                    "discharge-disposition", List.of("in", "not-in"));
            if (d != null) {
                if (d.containsKey("in")) {
                    dispIn = in.stringList(d.get("in").value(), "discharge disposition", Vocabulary.DISCHARGE_DISPOSITION);
                }
                if (d.containsKey("not-in")) {
                    dispNotIn = in.stringList(d.get("not-in").value(), "discharge disposition",
                            Vocabulary.DISCHARGE_DISPOSITION);
                }
                if (d.isEmpty()) {
                    in.report(m.get("discharge-disposition").value(), Message.MISSING_KEY, "in", "discharge-disposition");
                }
            }
        }
        Criterion.Anchor anchor = Criterion.Anchor.ADMISSION;
        if (m.containsKey("anchor")) {
            String a = in.oneOf(m.get("anchor").value(), "anchor", List.of("admission", "discharge"));
            anchor = "discharge".equals(a) ? Criterion.Anchor.DISCHARGE : Criterion.Anchor.ADMISSION;
        }
        boolean overlaps = false;
        if (m.containsKey("stay-overlaps")) {
            overlaps = in.oneOf(m.get("stay-overlaps").value(), "stay-overlaps", List.of("period")) != null;
        }
        Timing timing = timing(m);
        if (subject && timing != null && timing.needsEncounter()) {
            NodeReader.Entry t = TIMING_KEYS.stream().filter(m::containsKey).map(m::get).findFirst().orElseThrow();
            in.report(t.key(), Message.SUBJECT_TIMING, t.name() + ": " + in.string(t.value(), t.name()));
        }
        int atLeast = atLeast(m);
        FollowUpComplete followUp = m.containsKey(FollowUpComplete.KEY)
                ? FollowUpComplete.of(duration(m.get(FollowUpComplete.KEY).value())) : null;
        return new Criterion.Encounter(subject, classes, dispIn, dispNotIn, anchor, timing, overlaps, atLeast, followUp);
    }

    private List<String> eventKeys(String... extra) {
        List<String> keys = new ArrayList<>(TIMING_KEYS);
        keys.addAll(List.of("same-encounter", "at-least"));
        keys.addAll(List.of(extra));
        return keys;
    }

    private Criterion condition(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "condition",
                eventKeys("value-set", "not-abated", "present-on-admission"));
        if (m == null) {
            return null;
        }
        String vs = valueSet(node, m, "condition");
        boolean notAbated = m.containsKey("not-abated") && Boolean.TRUE.equals(in.bool(m.get("not-abated").value(), "not-abated"));
        List<String> poa = m.containsKey("present-on-admission")
                ? in.stringList(m.get("present-on-admission").value(), "present-on-admission", Vocabulary.PRESENT_ON_ADMISSION)
                : List.of();
        return new Criterion.Condition(vs, timing(m), notAbated, poa, sameEncounter(m), atLeast(m));
    }

    private Criterion observation(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "observation",
                eventKeys("value-set", "value-in", "latest", "earliest", "lowest", "highest"));
        if (m == null) {
            return null;
        }
        String vs = valueSet(node, m, "observation");
        String valueIn = m.containsKey("value-in") ? valueSetName(m.get("value-in").value(), "value-in") : null;
        List<String> picks = PICKS.stream().filter(m::containsKey).toList();
        if (picks.size() > 1) {
            in.report(m.get(picks.get(1)).key(), Message.PICK_CONFLICT);
        }
        String pickKey = picks.isEmpty() ? null : picks.get(0);
        Criterion.Pick pick = pickKey == null ? null : Criterion.Pick.valueOf(pickKey.toUpperCase(Locale.ROOT));
        Comparison comparison = null;
        String pickValueIn = null;
        if (pickKey != null) {
            Map<String, NodeReader.Entry> pm = in.mapping(m.get(pickKey).value(), pickKey, PICK_KEYS);
            if (pm != null) {
                pickValueIn = pm.containsKey("value-in") ? valueSetName(pm.get("value-in").value(), "value-in") : null;
                comparison = comparison(m.get(pickKey).value(), pickKey, pm, pm.containsKey("value-in"));
            }
        }
        int atLeast = atLeast(m);
        if (pick != null && atLeast > 1) {
            in.report(m.get("at-least").key(), Message.LATEST_NOT_COUNTABLE);
        }
        return new Criterion.Observation(vs, timing(m), pick, comparison, pickValueIn, valueIn, sameEncounter(m), atLeast);
    }

    private Criterion procedure(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "procedure", eventKeys("value-set"));
        if (m == null) {
            return null;
        }
        return new Criterion.Procedure(valueSet(node, m, "procedure"), timing(m), sameEncounter(m), atLeast(m));
    }

    private Criterion medication(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "medication", eventKeys("value-set", "kind"));
        if (m == null) {
            return null;
        }
        List<String> kinds = m.containsKey("kind")
                ? in.stringList(m.get("kind").value(), "medication kind", Vocabulary.MEDICATION_KIND) : List.of();
        return new Criterion.Medication(valueSet(node, m, "medication"), kinds, timing(m), sameEncounter(m), atLeast(m));
    }

    private Criterion safetyEvent(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "safety-event", eventKeys("type", "harm"));
        if (m == null) {
            return null;
        }
        List<String> types = m.containsKey("type")
                ? in.stringList(m.get("type").value(), "safety event type", Vocabulary.SAFETY_EVENT_TYPE) : List.of();
        List<String> harm = m.containsKey("harm")
                ? in.stringList(m.get("harm").value(), "harm level", Vocabulary.HARM_LEVEL) : List.of();
        return new Criterion.SafetyEvent(types, harm, timing(m), sameEncounter(m), atLeast(m));
    }

    private String valueSet(Node node, Map<String, NodeReader.Entry> m, String context) {
        if (!m.containsKey("value-set")) {
            in.require(node, m, context, "value-set");
            return null;
        }
        return valueSetName(m.get("value-set").value(), "value-set");
    }

    /** A value set name used by a criterion: must be declared; marks it used; the model name has the scope's prefix. */
    private String valueSetName(Node v, String what) {
        String name = in.string(v, what);
        if (name != null) {
            if (declaredValueSets.contains(name)) {
                usedValueSets.add(name);
            } else {
                in.report(v, Message.UNKNOWN_VALUE_SET, name,
                        declaredValueSets.isEmpty() ? "none" : String.join(", ", declaredValueSets));
            }
        }
        return name == null ? null : scope.valueSetPrefix() + name;
    }

    private boolean sameEncounter(Map<String, NodeReader.Entry> m) {
        if (!m.containsKey("same-encounter")) {
            return false;
        }
        boolean same = Boolean.TRUE.equals(in.bool(m.get("same-encounter").value(), "same-encounter"));
        if (same && basis == Basis.PATIENT) {
            in.report(m.get("same-encounter").key(), Message.NEEDS_ENCOUNTER_BASIS, "same-encounter");
        }
        return same;
    }

    private int atLeast(Map<String, NodeReader.Entry> m) {
        if (!m.containsKey("at-least")) {
            return 1;
        }
        Node v = m.get("at-least").value();
        Integer n = in.integer(v, "at-least");
        if (n != null && n < 1) {
            in.report(v, Message.NOT_POSITIVE, "at-least", n);
        }
        return n == null ? 1 : Math.max(1, n);
    }

    private Timing timing(Map<String, NodeReader.Entry> m) {
        List<NodeReader.Entry> given = TIMING_KEYS.stream().filter(m::containsKey).map(m::get).toList();
        if (given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            in.report(given.get(1).key(), Message.TIMING_CONFLICT, given.stream().map(NodeReader.Entry::name).toList());
        }
        NodeReader.Entry e = given.get(0);
        Timing t = switch (e.name()) {
            case "during" -> {
                String v = in.oneOf(e.value(), "during", List.of("period", "encounter"));
                yield v == null ? null : v.equals("period") ? new Timing.DuringPeriod() : new Timing.DuringEncounter();
            }
            case "before" -> in.oneOf(e.value(), "before", List.of("period-end")) == null ? null : new Timing.BeforePeriodEnd();
            case "lookback" -> {
                Timing.Duration d = duration(e.value());
                yield d == null ? null : new Timing.Lookback(d);
            }
            case "starts-during" -> in.oneOf(e.value(), "starts-during", List.of("period")) == null ? null
                    : new Timing.StartsDuringPeriod();
            case "after-admission", "before-admission" -> {
                Timing.Duration d = duration(e.value());
                yield d == null ? null : e.name().equals("after-admission") ? new Timing.AfterAdmission(d)
                        : new Timing.BeforeAdmission(d);
            }
            case "after-unit-start" -> afterUnitStart(e.value());
            default -> {
                Timing.Duration d = duration(e.value());
                yield d == null ? null : new Timing.AfterDischarge(d);
            }
        };
        if (t != null && t.needsEncounter() && basis == Basis.PATIENT) {
            in.report(e.key(), Message.NEEDS_ENCOUNTER_BASIS, e.name() + ": " + in.string(e.value(), e.name()));
        }
        return t;
    }

    /** {@code after-unit-start: { unit: [ICU], days: 1 }}: both keys required, days at least 1. */
    private Timing afterUnitStart(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "after-unit-start", List.of("unit", "days"));
        if (m == null) {
            return null;
        }
        if (!m.containsKey("unit") || !m.containsKey("days")) {
            in.require(node, m, "after-unit-start", "unit", "days");
            return null;
        }
        List<String> units = in.stringList(m.get("unit").value(), "unit", null);
        Integer days = in.integer(m.get("days").value(), "days");
        if (days != null && days < 1) {
            in.report(m.get("days").value(), Message.NOT_POSITIVE, "days", days);
            return null;
        }
        return units == null || units.isEmpty() || days == null ? null : new Timing.AfterUnitStart(units, days);
    }

    private Criterion unitStay(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "unit-stay", eventKeys("unit", "shorter-than"));
        if (m == null) {
            return null;
        }
        List<String> units = m.containsKey("unit") ? in.stringList(m.get("unit").value(), "unit", null) : List.of();
        Timing.Duration shorter = m.containsKey("shorter-than") ? duration(m.get("shorter-than").value()) : null;
        return new Criterion.UnitStay(units == null ? List.of() : units, shorter, timing(m), sameEncounter(m), atLeast(m));
    }

    private Criterion surveyResponse(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "survey-response",
                eventKeys("survey", "item", "answer", "answer-code"));
        if (m == null) {
            return null;
        }
        List<String> surveys = m.containsKey("survey") ? in.stringList(m.get("survey").value(), "survey", null) : List.of();
        List<String> items = m.containsKey("item") ? in.stringList(m.get("item").value(), "item", null) : List.of();
        List<String> codes = m.containsKey("answer-code")
                ? in.stringList(m.get("answer-code").value(), "answer-code", null) : List.of();
        Comparison answer = null;
        if (m.containsKey("answer")) {
            Node a = m.get("answer").value();
            Map<String, NodeReader.Entry> am = in.mapping(a, "answer", OPERATORS);
            if (am != null) {
                answer = comparison(a, "answer", am, false);
            }
        }
        return new Criterion.SurveyResponse(surveys == null ? List.of() : surveys, items == null ? List.of() : items,
                answer, codes == null ? List.of() : codes, timing(m), sameEncounter(m), atLeast(m));
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

    /** Keys that pick one result of an observation window: latest/earliest by time, lowest/highest by value. */
    private static final List<String> PICKS = List.of("latest", "earliest", "lowest", "highest");
    private static final List<String> OPERATORS = List.of("gt", "ge", "lt", "le", "eq");
    private static final List<String> PICK_KEYS = List.of("gt", "ge", "lt", "le", "eq", "unit", "value-in");

    /** The numeric test of a latest/earliest mapping; none is fine when it tests a coded value instead. */
    private Comparison comparison(Node node, String key, Map<String, NodeReader.Entry> m, boolean coded) {
        List<String> given = OPERATORS.stream().filter(m::containsKey).toList();
        if (given.size() > 1 || given.isEmpty() && !coded) {
            in.report(node, Message.COMPARISON, key, given);
            return null;
        }
        if (given.isEmpty()) {
            if (m.containsKey("unit")) {
                in.report(m.get("unit").key(), Message.UNIT_WITHOUT_COMPARISON);
            }
            return null;
        }
        BigDecimal value = in.number(m.get(given.get(0)).value(), key + " " + given.get(0));
        String unit = m.containsKey("unit") ? in.string(m.get("unit").value(), "unit") : null;
        Comparison.Operator op = Comparison.Operator.valueOf(given.get(0).toUpperCase(Locale.ROOT));
        return value == null ? null : new Comparison(op, value, unit);
    }
}
