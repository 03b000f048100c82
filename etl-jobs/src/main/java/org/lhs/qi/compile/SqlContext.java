package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lhs.qi.definition.Basis;
import org.lhs.qi.definition.IndicatorDefinition;

/**
 * State shared by the builders while compiling one definition: the bind parameters collected so far and
 * the generated parameter names. Names are {@code <population><n>_<field>}, e.g. {@code ip2_value_set},
 * {@code num1_lookback}: the population abbreviation, the criterion's number within it, and the field.
 */
final class SqlContext {

    private final IndicatorDefinition definition;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private final List<Derived> derived = new ArrayList<>();
    private String population = "c";

    /**
     * A relation computed once for all subjects and periods ({@code WITH name AS (sql)}), keyed by
     * {@code (subject_id, period_no)} and left-joined to {@code stage}; criteria read its columns instead of
     * probing the clinical tables per subject and period.
     */
    record Derived(String name, String stage, String sql) {}

    SqlContext(IndicatorDefinition definition) {
        this.definition = definition;
    }

    Basis basis() {
        return definition.basis();
    }

    IndicatorDefinition definition() {
        return definition;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** Sets the population abbreviation used as parameter-name prefix. */
    void population(String abbreviation) {
        this.population = abbreviation;
    }

    /**
     * The relation whose rows the current population's criteria are evaluated on: all subjects for the
     * initial populations, else only the initial population (less work for the later criteria).
     */
    String stage() {
        return population.equals("ip") || population.equals("numip") ? "subject" : "initial_population";
    }

    /** Registers a derived relation named {@code m_<prefix>} over the current stage; returns its name. */
    String derive(String prefix, String sql) {
        String name = "m_" + prefix;
        if (derived.stream().anyMatch(d -> d.name().equals(name))) {
            throw new IllegalStateException("relation derived twice: " + name);
        }
        derived.add(new Derived(name, stage(), sql));
        return name;
    }

    /** The derived relations over {@code stage}, in the order registered. */
    List<Derived> derived(String stage) {
        return derived.stream().filter(d -> d.stage().equals(stage)).toList();
    }

    /** A new prefix for the next data criterion of the current population, e.g. {@code num2}. */
    String nextPrefix() {
        int n = counters.merge(population, 1, Integer::sum);
        return population + n;
    }

    /** Binds a value under {@code <prefix>_<field>} and returns the placeholder {@code :name}. */
    String bind(String prefix, String field, Object value) {
        String name = prefix + "_" + field;
        if (parameters.containsKey(name)) {
            throw new IllegalStateException("parameter bound twice: " + name);
        }
        parameters.put(name, value);
        return ":" + name;
    }

    /** The value set membership test of a table alias's (code_system, code) columns. */
    String inValueSet(String prefix, String alias, String localValueSet) {
        return inValueSet(prefix, "value_set", alias + ".code_system", alias + ".code", localValueSet);
    }

    /** Membership of two fixed (code system, code) column expressions in a value set bound as {@code <prefix>_<field>}. */
    String inValueSet(String prefix, String field, String systemColumn, String codeColumn, String localValueSet) {
        String p = bind(prefix, field, definition.valueSetName(localValueSet));
        return "(" + systemColumn + ", " + codeColumn + ") IN (SELECT v.code_system, v.code FROM qi.value_set_code v"
                + " WHERE v.value_set = " + p + ")";
    }
}
