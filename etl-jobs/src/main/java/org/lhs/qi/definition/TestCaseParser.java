package org.lhs.qi.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Parses the {@code tests:} section of a definition. */
final class TestCaseParser {

    private static final List<String> EXPECT_KEYS;
    /** Continuous-variable names of the flags stored as denominator / denominator exclusion. */
    private static final Map<String, TestCase.Population> ALIASES = Map.of(
            "measure-population", TestCase.Population.DENOMINATOR,
            "measure-population-exclusion", TestCase.Population.DENOMINATOR_EXCLUSION);

    static {
        List<String> keys = new ArrayList<>(List.of("subject"));
        for (TestCase.Population p : TestCase.Population.values()) {
            keys.add(p.key());
        }
        keys.addAll(ALIASES.keySet());
        keys.addAll(List.of("numerator-count", "exposure", "observation"));
        EXPECT_KEYS = List.copyOf(keys);
    }

    private final NodeReader in;

    TestCaseParser(NodeReader in) {
        this.in = in;
    }

    List<TestCase> parse(Node node) {
        List<Node> items = in.sequence(node, "tests");
        if (items == null) {
            return List.of();
        }
        List<TestCase> out = new ArrayList<>();
        for (Node item : items) {
            TestCase tc = testCase(item);
            if (tc != null) {
                out.add(tc);
            }
        }
        return List.copyOf(out);
    }

    private TestCase testCase(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "test case", List.of("name", "period", "business-date", "records", "expect"));
        if (m == null) {
            return null;
        }
        in.require(node, m, "test case", "name", "period", "records", "expect");
        if (!m.keySet().containsAll(List.of("name", "period", "records", "expect"))) {
            return null;
        }
        String name = in.string(m.get("name").value(), "test name");
        Map<String, NodeReader.Entry> period = in.mapping(m.get("period").value(), "period", List.of("start", "end"));
        LocalDate start = null;
        LocalDate end = null;
        if (period != null) {
            in.require(m.get("period").value(), period, "period", "start", "end");
            start = period.containsKey("start") ? in.date(period.get("start").value(), "period start") : null;
            end = period.containsKey("end") ? in.date(period.get("end").value(), "period end") : null;
        }
        LocalDate businessDate = m.containsKey("business-date") ? in.date(m.get("business-date").value(), "business-date") : null;
        if (businessDate != null && end != null && businessDate.isBefore(end)) {
            in.report(m.get("business-date").value(), Message.BUSINESS_DATE_BEFORE_PERIOD_END, businessDate, end);
            businessDate = null;
        }
        Map<String, List<Map<String, String>>> records = records(m.get("records").value());
        List<TestCase.Expectation> expectations = new ArrayList<>();
        List<Node> exp = in.sequence(m.get("expect").value(), "expect");
        if (exp != null) {
            for (Node e : exp) {
                TestCase.Expectation x = expectation(e);
                if (x != null) {
                    expectations.add(x);
                }
            }
        }
        if (name == null || start == null || end == null || records == null) {
            return null;
        }
        return new TestCase(name, start, end, businessDate, records, List.copyOf(expectations));
    }

    private Map<String, List<Map<String, String>>> records(Node node) {
        Map<String, NodeReader.Entry> tables = in.mapping(node, "records", null);
        if (tables == null) {
            return null;
        }
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (NodeReader.Entry t : tables.values()) {
            TestRecordSchema.Table table = TestRecordSchema.TABLES.get(t.name());
            if (table == null) {
                String s = KeySuggester.closest(t.name(), TestRecordSchema.TABLES.keySet());
                in.report(t.key(), Message.UNKNOWN_TABLE, t.name(), s == null ? "?" : s,
                        String.join(", ", TestRecordSchema.TABLES.keySet()));
                continue;
            }
            List<Node> rows = in.sequence(t.value(), t.name() + " records");
            if (rows == null) {
                continue;
            }
            List<Map<String, String>> list = new ArrayList<>();
            for (Node row : rows) {
                Map<String, String> r = row(table, row);
                if (r != null) {
                    list.add(r);
                }
            }
            out.put(t.name(), List.copyOf(list));
        }
        return out;
    }

    private Map<String, String> row(TestRecordSchema.Table table, Node node) {
        Map<String, NodeReader.Entry> fields = in.mapping(node, table.name() + " record", null);
        if (fields == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = table.columns().stream().map(TestRecordSchema.Column::name).toList();
        for (NodeReader.Entry f : fields.values()) {
            if (table.column(f.name()) == null) {
                String s = KeySuggester.closest(f.name(), names);
                in.report(f.key(), Message.UNKNOWN_COLUMN, f.name(), table.name(), s == null ? "?" : s,
                        String.join(", ", names));
                continue;
            }
            out.put(f.name(), in.string(f.value(), f.name()));
        }
        for (TestRecordSchema.Column c : table.columns()) {
            // sites default to the test site, so only true data columns are required
            if (c.required() && out.get(c.name()) == null && c.type() != TestRecordSchema.Type.SITE_REF) {
                in.report(node, Message.MISSING_COLUMN, table.name(), c.name());
            }
        }
        return out;
    }

    private TestCase.Expectation expectation(Node node) {
        Map<String, NodeReader.Entry> m = in.mapping(node, "expect item", EXPECT_KEYS);
        if (m == null) {
            return null;
        }
        in.require(node, m, "expect item", "subject");
        String subject = m.containsKey("subject") ? in.string(m.get("subject").value(), "subject") : null;
        Map<TestCase.Population, Boolean> flags = new EnumMap<>(TestCase.Population.class);
        for (TestCase.Population p : TestCase.Population.values()) {
            NodeReader.Entry e = m.get(p.key());
            flags.put(p, e != null && flag(e.value(), p.key()));
        }
        ALIASES.forEach((key, p) -> {
            if (m.containsKey(key)) {
                flags.put(p, flag(m.get(key).value(), key) || flags.get(p));
            }
        });
        BigDecimal count = m.containsKey("numerator-count") ? in.number(m.get("numerator-count").value(), "numerator-count") : null;
        BigDecimal exposure = m.containsKey("exposure") ? in.number(m.get("exposure").value(), "exposure") : null;
        BigDecimal observation = m.containsKey("observation") ? in.number(m.get("observation").value(), "observation") : null;
        return subject == null ? null : new TestCase.Expectation(subject, flags, count, exposure, observation);
    }

    private boolean flag(Node node, String what) {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.BOOL))) {
            String v = s.getValue().toLowerCase(Locale.ROOT);
            if (v.equals("1") || v.equals("true")) {
                return true;
            }
            if (v.equals("0") || v.equals("false")) {
                return false;
            }
        }
        in.report(node, Message.INVALID_VALUE, what + " flag", in.string(node, what), "0, 1");
        return false;
    }
}
