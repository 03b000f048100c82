package org.lhs.qi.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A definition test case: synthetic records (table → rows of canonical-CSV field names), the period, the business
 * date (data cut-off; null = the period end) and the expected population membership of each named subject (source id
 * of the patient or encounter).
 */
public record TestCase(String name, LocalDate periodStart, LocalDate periodEnd, LocalDate businessDate,
                       Map<String, List<Map<String, String>>> records, List<Expectation> expectations) {

    /** A case whose business date is the period end. */
    public TestCase(String name, LocalDate periodStart, LocalDate periodEnd,
                    Map<String, List<Map<String, String>>> records, List<Expectation> expectations) {
        this(name, periodStart, periodEnd, null, records, expectations);
    }

    /** The business date the case runs with: {@code business-date}, else the period end. */
    public LocalDate effectiveBusinessDate() {
        return businessDate == null ? periodEnd : businessDate;
    }

    /** Expected flags of one subject; numeratorCount/exposure are checked only when given (ratio). */
    public record Expectation(String subject, Map<Population, Boolean> flags, BigDecimal numeratorCount,
                              BigDecimal exposure) {}

    /** Population flags as named in definitions and stored in qi.member. */
    public enum Population {
        INITIAL_POPULATION("initial-population"), DENOMINATOR("denominator"),
        DENOMINATOR_EXCLUSION("denominator-exclusion"), DENOMINATOR_EXCEPTION("denominator-exception"),
        NUMERATOR("numerator"), NUMERATOR_EXCLUSION("numerator-exclusion");

        private final String key;

        Population(String key) {
            this.key = key;
        }

        /** YAML key. */
        public String key() {
            return key;
        }

        /** qi.member column. */
        public String column() {
            return key.replace('-', '_');
        }
    }
}
