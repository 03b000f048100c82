package org.lhs.qi.report;

import java.util.Locale;

/** Indicator domains in the order the scorecard lists them. */
public enum Domain {
    QUALITY, SAFETY, EQUITY, EXPERIENCE, VALUE, OTHER;

    /** Parses {@code qi.indicator.domain}; unknown domains sort last as OTHER rather than failing the night. */
    public static Domain of(String value) {
        for (Domain d : values()) {
            if (d.name().equalsIgnoreCase(value)) {
                return d;
            }
        }
        return OTHER;
    }

    /** Heading for people ("Quality"). */
    public String label() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
