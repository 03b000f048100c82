package org.lhs.qi.definition;

/**
 * {@code when:} of an eCQM criterion: how the event's interval [start, end] relates to a window derived from the
 * period [period start, period end) — CQL's "overlaps/during/starts during/ends during/… day of Measurement Period".
 * {@code extendBack} moves the window start earlier (e.g. "the year before or during the period"); {@code first}
 * keeps only the first part of the period (e.g. "the first 6 months").
 */
public record EcqmTiming(Relation relation, Timing.Duration extendBack, Timing.Duration first) {

    /** Interval relations, each with its YAML key. */
    public enum Relation {
        OVERLAPS("overlaps", "overlaps"), DURING("during", "lies within"), STARTS_DURING("starts-during", "starts within"),
        ENDS_DURING("ends-during", "ends within"), STARTS_BY_END("starts-by-end", "starts on or before the end of"),
        ENDS_BY_END("ends-by-end", "ends on or before the end of");

        private final String key;
        private final String words;

        Relation(String key, String words) {
            this.key = key;
            this.words = words;
        }

        /** YAML key. */
        public String key() {
            return key;
        }

        /** English words for plain-language rendering. */
        public String words() {
            return words;
        }
    }
}
