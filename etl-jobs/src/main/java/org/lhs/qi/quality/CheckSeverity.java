package org.lhs.qi.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How much a failed check matters: a failed {@code critical} check stops the nightly run. */
public enum CheckSeverity {
    INFO, WARNING, CRITICAL;

    /** The name used in check files and in {@code qi.dq_result}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(CheckSeverity::label).toList();
    }

    static CheckSeverity of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
