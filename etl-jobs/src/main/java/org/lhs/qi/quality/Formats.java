package org.lhs.qi.quality;

import java.util.Locale;

/** Number formats of data-quality messages. */
final class Formats {

    private Formats() {}

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
