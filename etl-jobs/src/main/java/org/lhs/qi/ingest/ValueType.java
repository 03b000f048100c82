package org.lhs.qi.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The type of a canonical column: converts a non-empty field to the text PostgreSQL's COPY reads for
 * the staging column, or says precisely why it cannot.
 */
public sealed interface ValueType {

    /**
     * @param value a non-empty, stripped field
     * @param zone  zone for times without an offset
     * @return the value as COPY should receive it (unescaped)
     */
    String convert(String value, ZoneId zone) throws InvalidValueException;

    static ValueType text() {
        return new Text();
    }

    static ValueType date() {
        return new DateValue();
    }

    static ValueType timestamp() {
        return new Timestamp();
    }

    static ValueType decimal() {
        return new Decimal();
    }

    static ValueType integer(long min, long max) {
        return new IntegerValue(min, max);
    }

    static ValueType oneOf(String... allowed) {
        return new OneOf(List.of(allowed));
    }

    static ValueType codeSystem() {
        return new CodeSystem();
    }

    /** Free text. */
    record Text() implements ValueType {
        @Override
        public String convert(String value, ZoneId zone) {
            return value;
        }
    }

    /** A calendar date {@code YYYY-MM-DD} (strict: no 13th month or 30th of February). */
    record DateValue() implements ValueType {
        @Override
        public String convert(String value, ZoneId zone) throws InvalidValueException {
            try {
                LocalDate date = FastIso.date(value);
                // a valid YYYY-MM-DD prints as itself: skip formatting it again
                return value.length() == 10 ? value : date.toString();
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new InvalidValueException(quote(value) + " is not a date (YYYY-MM-DD)");
            }
        }
    }

    /**
     * An ISO-8601 date-time with {@code Z}, an offset, or none (then in the configured zone), converted to
     * an instant so staging holds one unambiguous timestamptz.
     */
    record Timestamp() implements ValueType {
        @Override
        public String convert(String value, ZoneId zone) throws InvalidValueException {
            Instant instant;
            try {
                instant = FastIso.instant(value, zone);
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new InvalidValueException(quote(value)
                        + " is not a date-time (YYYY-MM-DDThh:mm:ss with optional Z or +hh:mm)");
            }
            // a valid YYYY-MM-DDThh:mm:ssZ is already the instant's ISO text: skip formatting it again
            return isCanonicalUtc(value) ? value : instant.toString();
        }

        private static boolean isCanonicalUtc(String v) {
            return v.length() == 20 && v.charAt(19) == 'Z' && v.charAt(10) == 'T';
        }
    }

    /** A decimal number such as {@code 7.2} or {@code -0.5}. */
    record Decimal() implements ValueType {
        @Override
        public String convert(String value, ZoneId zone) throws InvalidValueException {
            try {
                return new BigDecimal(value).toPlainString();
            } catch (NumberFormatException e) {
                throw new InvalidValueException(quote(value) + " is not a number");
            }
        }
    }

    /** A whole number in a range. */
    record IntegerValue(long min, long max) implements ValueType {
        @Override
        public String convert(String value, ZoneId zone) throws InvalidValueException {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidValueException(quote(value) + " is not a whole number");
            }
            if (n < min || n > max) {
                throw new InvalidValueException(quote(value) + " is not between " + min + " and " + max);
            }
            return Long.toString(n);
        }
    }

    /** One of a fixed vocabulary; matched ignoring case and stored in the vocabulary's spelling. */
    record OneOf(List<String> allowed) implements ValueType {
        public OneOf {
            allowed = List.copyOf(allowed);
        }

        @Override
        public String convert(String value, ZoneId zone) throws InvalidValueException {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(value)) {
                    return a;
                }
            }
            throw new InvalidValueException(quote(value) + " is not one of " + String.join(", ", allowed));
        }
    }

    /** A code system short name or URI, stored as the short name. */
    record CodeSystem() implements ValueType {
        @Override
        public String convert(String value, ZoneId zone) throws InvalidValueException {
            return CodeSystems.normalise(value).orElseThrow(() -> new InvalidValueException(quote(value)
                    + " is not a known code system (" + String.join(", ", CodeSystems.SHORT_NAMES) + " or their URIs)"));
        }
    }

    /** The value in single quotes, shortened so a runaway field cannot flood a reason. */
    static String quote(String value) {
        String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        return "'" + v + "'";
    }
}
