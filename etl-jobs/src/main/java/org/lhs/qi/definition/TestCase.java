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

    /**
     * Expected flags of one subject; numeratorCount/exposure (ratio) and observation (continuous variable)
     * are checked only when given.
     */
    public record Expectation(String subject, Map<Population, Boolean> flags, BigDecimal numeratorCount,
                              BigDecimal exposure, BigDecimal observation) {
        /** An expectation without a measure observation. */
        public Expectation(String subject, Map<Population, Boolean> flags, BigDecimal numeratorCount, BigDecimal exposure) {
            this(subject, flags, numeratorCount, exposure, null);
        }
    }

    /** Population flags as named in definitions and stored in qi.member. */
    public enum Population {
        INITIAL_POPULATION("initial-population"), DENOMINATOR("denominator"),
        DENOMINATOR_EXCLUSION("denominator-exclusion"), DENOMINATOR_EXCEPTION("denominator-exception"),
        NUMERATOR("numerator"), NUMERATOR_EXCLUSION("numerator-exclusion"),
        /** Ratio of two populations: the subject is in the numerator's initial population (HL7 Initial Population 2). */
        NUMERATOR_INITIAL_POPULATION("numerator-initial-population");

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
