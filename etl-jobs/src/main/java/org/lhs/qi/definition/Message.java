package org.lhs.qi.definition;

import java.util.Locale;

/**
 * The catalogue of every diagnostic text of the definition language. Templates use
 * {@link String#format} and receive the same arguments for message and hint, so a hint may reuse them.
 */
public enum Message {
    YAML_SYNTAX("malformed YAML: %s", "check indentation, colons and quoting near this position"),
    FILE_UNREADABLE("cannot read file: %s", "check that the file exists and is readable"),
    EXPECTED_MAPPING("%s must be a mapping (key: value pairs)", "indent the keys of %1$s under it"),
    EXPECTED_SEQUENCE("%s must be a list", "write it as [a, b] or as '- item' lines"),
    EXPECTED_SCALAR("%s must be a single value, not a list or mapping", "write a plain value after the colon"),
    EXPECTED_NUMBER("%s must be a number, got '%s'", "write a plain number such as 0.15 or 1000 (no quotes, no units)"),
    EXPECTED_INTEGER("%s must be a whole number, got '%s'", "write a whole number such as 2"),
    EXPECTED_BOOLEAN("%s must be true or false, got '%s'", "write true or false"),
    EXPECTED_DATE("%s must be a date YYYY-MM-DD, got '%s'", "for example 2025-01-01"),
    UNKNOWN_KEY("unknown key '%s' in %s", "did you mean '%3$s'? valid keys: %4$s"),
    UNKNOWN_KEY_NO_SUGGESTION("unknown key '%s' in %s", "valid keys: %4$s"),
    MISSING_KEY("missing required key '%s' in %s", "add '%1$s: ...'"),
    INVALID_VALUE("invalid %s '%s'", "allowed values: %3$s"),
    INVALID_ID("id '%s' is not kebab-case", "use lower-case letters, digits and single hyphens, e.g. diabetes-hba1c-poor-control"),
    DUPLICATE_ID("indicator id '%s' is already defined in %s", "every indicator needs its own id"),
    UNKNOWN_VALUE_SET("unknown value set '%s'", "declare it under value-sets, e.g. '%1$s: valuesets/%1$s.csv'; declared: %2$s"),
    UNUSED_VALUE_SET("value set '%s' is declared but never used", "remove it or reference it from a criterion"),
    CRITERION_KIND("a criterion needs exactly one kind key, got %s", "one of: %2$s; combine several with all: [...]"),
    UNKNOWN_CRITERION("unknown criterion kind '%s'", "did you mean '%2$s'? kinds: %3$s"),
    UNKNOWN_CRITERION_NAME("unknown criterion name '%s'", "define it under criteria: above its first use; defined so far: %2$s"),
    EMPTY_COMBINATOR("'%s' needs at least one criterion", "list the criteria under it"),
    NEEDS_ENCOUNTER_BASIS("%s needs basis: encounter", "it refers to the subject encounter, which patient-basis indicators do not have"),
    BAD_DURATION("invalid duration '%s'", "write an amount and a unit, e.g. '12 months', '30 days', '1 year'"),
    TIMING_CONFLICT("conflicting timing keys %s", "use only one of during, lookback, before, after-discharge"),
    SUBJECT_TIMING("this-encounter cannot use %s", "use during: period, lookback or before; the subject encounter cannot be relative to itself"),
    BAD_TIMING_VALUE("invalid %s value '%s'", "allowed: %3$s"),
    TARGET_RANGE("target %s of a proportion must be a fraction between 0 and 1", "write 15 %% as 0.15"),
    AGE_RANGE("age min %s is greater than max %s", "swap the bounds"),
    NOT_POSITIVE("%s must be at least 1, got %s", "use a positive whole number"),
    COMPARISON("%s needs exactly one comparison (gt, ge, lt, le, eq), got %s", "e.g. %1$s: { gt: 9.0, unit: '%%' }, or a coded test %1$s: { value-in: <value set> }"),
    PICK_CONFLICT("use either latest or earliest, not both", "write two observation criteria under all: [...] to test both"),
    UNIT_WITHOUT_COMPARISON("unit needs a numeric comparison (gt, ge, lt, le, eq)", "remove unit, or add e.g. gt: 9.0"),
    MISSING_POPULATION("%s scoring needs the population '%s'", "add it under populations"),
    NOT_FOR_SCORING("'%s' is not used by %s scoring", "remove it"),
    NOT_AN_EVENT("%s must be one event criterion (condition, observation, procedure, medication, safety-event, device-episode, encounter), got %s", "the compiler counts the matching rows"),
    OBSERVATION_KIND("measure-observation needs exactly one of length-of-stay or count, got %s", "e.g. measure-observation: { length-of-stay: minutes, aggregate: median }"),
    RATIO_FORMS("ratio scoring uses either numerator-events with exposure, or numerator (with optional numerator-initial-population and numerator-exclusion), not both", "events per exposure: keep numerator-events and exposure; a ratio of two populations: keep numerator"),
    UNKNOWN_LIBRARY("unknown criteria library '%s'", "library files live in library/<name>.yaml under the definitions directory %2$s; found: %3$s"),
    UNKNOWN_LIBRARY_CRITERION("library '%s' has no criterion '%s'", "criteria defined there: %3$s"),
    LIBRARY_CYCLE("criteria library cycle: %s", "a library may only use libraries that do not use it back"),
    LIBRARY_REFERENCE_ERRORS("criterion '%s' has errors in its library file (%s)", "fix the library file first; every definition using it fails until then"),
    LIBRARY_USED_HERE("%s is used here", "see the error at the reference"),
    BAD_LIBRARY_REFERENCE("invalid library reference '%s'", "write ref: library/<file>#<criterion>, e.g. ref: library/exclusions#hospice"),
    LATEST_NOT_COUNTABLE("latest cannot be combined with at-least or used as numerator-events", "remove one of them"),
    FEW_TESTS("only %s test case(s)", "add at least two: one that passes and one that fails the numerator"),
    UNKNOWN_TABLE("unknown record table '%s'", "did you mean '%2$s'? tables: %3$s"),
    UNKNOWN_COLUMN("unknown column '%s' of %s", "did you mean '%3$s'? columns: %4$s"),
    MISSING_COLUMN("record of %s misses required column '%s'", "add '%2$s: ...'"),
    BUSINESS_DATE_BEFORE_PERIOD_END("business-date %s is before the period end %s", "periods end before the business date: use a later business-date or drop it (default: the period end)"),
    ECQM_WHEN("when needs exactly one relation to the period (overlaps, during, starts-during, ends-during, starts-by-end, ends-by-end), got %s", "e.g. when: { overlaps: period } or when: { starts-during: period, extend-back: 1 year }"),
    VALUE_SET_NOT_IMPORTED("value set %s is not imported", "run 'qi valuesets import <ValueSet or Bundle JSON files or folders>' (stored in %2$s); official expansions are licensed content, import those you are licensed for"),
    VALUE_SET_FILE_MISSING("value set file '%s' does not exist", "paths are relative to the definitions directory %2$s"),
    VALUE_SET_HEADER("value set header must be 'code_system,code,display', got '%s'", "make the first line exactly code_system,code,display"),
    VALUE_SET_CODE_SYSTEM("unknown code system '%s'", "use a short name: %2$s"),
    VALUE_SET_ROW("bad value set row: %s", "each row needs code_system,code[,display]"),
    VALUE_SET_EMPTY("value set file '%s' has no codes", "add at least one code row"),
    VALUE_SET_DUPLICATE("code %s|%s appears twice", "remove the duplicate row"),
    FILE_TOO_LARGE("file has %s bytes, more than the limit of %s", "split it: one indicator per file, codes in value set CSV files"),
    YAML_ALIAS("YAML anchors and aliases are not allowed (anchor '&%s')", "write the value out; to share a criterion name it under criteria: and use ref"),
    YAML_TOO_MANY_NODES("the file has more than %s YAML nodes", "a definition is a few hundred lines; split it"),
    CRITERION_TOO_DEEP("criteria nested more than %s levels deep", "flatten the all/any/not nesting, or name parts under criteria:"),
    TOO_MANY_CRITERIA("%s expands to %s data criteria, more than the limit of %s (a named criterion counts at each use)", "simplify it or split the indicator"),
    VALUE_SET_OUTSIDE("value set file '%s' is outside the definitions directory %s", "keep value set files under %2$s, e.g. valuesets/<name>.csv"),
    INTERNAL("could not check this file: %s", "please report this as a bug with the file attached"),
    NO_DEFINITIONS("no definition files (*.yaml) found in %s", "put definitions in %1$s/definitions/");

    private final String text;
    private final String hint;

    Message(String text, String hint) {
        this.text = text;
        this.hint = hint;
    }

    /** The message with its arguments filled in. */
    public String text(Object... args) {
        return String.format(Locale.ROOT, text, args);
    }

    /** The hint with the same arguments filled in. */
    public String hint(Object... args) {
        return String.format(Locale.ROOT, hint, args);
    }

    /** Severity of this message; the few advisory ones are warnings. */
    public Severity severity() {
        return switch (this) {
            case UNUSED_VALUE_SET, FEW_TESTS -> Severity.WARNING;
            default -> Severity.ERROR;
        };
    }
}
