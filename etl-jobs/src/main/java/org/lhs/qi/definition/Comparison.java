package org.lhs.qi.definition;

import java.math.BigDecimal;

/** A numeric test of an observation value, e.g. {@code { gt: 9.0, unit: '%' }}; unit null = not checked. */
public record Comparison(Operator operator, BigDecimal value, String unit) {

    /** Comparison operators; the SQL spelling comes from this whitelist only. */
    public enum Operator {
        GT("gt", ">", "greater than"), GE("ge", ">=", "at least"), LT("lt", "<", "less than"),
        LE("le", "<=", "at most"), EQ("eq", "=", "equal to");

        private final String key;
        private final String sql;
        private final String words;

        Operator(String key, String sql, String words) {
            this.key = key;
            this.sql = sql;
            this.words = words;
        }

        /** YAML key. */
        public String key() {
            return key;
        }

        /** SQL operator. */
        public String sql() {
            return sql;
        }

        /** English words for plain-language rendering. */
        public String words() {
            return words;
        }
    }
}
