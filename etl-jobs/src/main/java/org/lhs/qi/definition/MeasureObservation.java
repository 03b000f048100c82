package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The measure observation of a continuous-variable indicator: one number per subject of the measure
 * population, aggregated over a result cell by {@link Aggregate}.
 */
public sealed interface MeasureObservation {

    /** How the observations of a cell are summarised. */
    Aggregate aggregate();

    /** The unit printed after the aggregate, e.g. {@code minutes}. */
    String unit();

    /**
     * {@code length-of-stay: minutes}: discharge time − admission time of the subject encounter (encounter
     * basis), in the given unit; null when the encounter has no discharge time.
     */
    record LengthOfStay(TimeUnit timeUnit, Aggregate aggregate) implements MeasureObservation {
        @Override
        public String unit() {
            return timeUnit.code();
        }
    }

    /** {@code count: <event criterion>}: the number of the subject's rows matching the criterion (HL7 IG example). */
    record Count(Criterion.Event events, Aggregate aggregate) implements MeasureObservation {
        @Override
        public String unit() {
            return "count";
        }
    }

    /** Aggregate methods (HL7 cqm-aggregateMethod); the default is the median. */
    enum Aggregate {
        MEDIAN("median"), MEAN("mean");

        private final String code;

        Aggregate(String code) {
            this.code = code;
        }

        /** The spelling in definition files and {@code qi.indicator.aggregate_method}. */
        public String code() {
            return code;
        }

        /** Looks a value up by its spelling. */
        public static Optional<Aggregate> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }

        /** All spellings, for hints. */
        public static List<String> codes() {
            return Arrays.stream(values()).map(Aggregate::code).toList();
        }
    }

    /** Units of a duration observation with their length in seconds. */
    enum TimeUnit {
        MINUTES("minutes", 60), HOURS("hours", 3600), DAYS("days", 86400);

        private final String code;
        private final int seconds;

        TimeUnit(String code, int seconds) {
            this.code = code;
            this.seconds = seconds;
        }

        /** The spelling in definition files. */
        public String code() {
            return code;
        }

        /** Seconds per unit. */
        public int seconds() {
            return seconds;
        }

        /** Looks a value up by its spelling. */
        public static Optional<TimeUnit> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }

        /** All spellings, for hints. */
        public static List<String> codes() {
            return Arrays.stream(values()).map(TimeUnit::code).toList();
        }
    }
}
