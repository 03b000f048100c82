package org.lhs.qi.report;

import java.text.NumberFormat;
import java.util.Locale;

/** Formats counts for people under the small-cell rule: a count between 1 and 10 is never printed. */
public final class Counts {

    /** Label of a suppressed cell (denominator below 11). */
    public static final String SUPPRESSED = "suppressed (n<11)";
    /** What a count between 1 and 10 shows instead of its value. */
    public static final String SMALL = "<11";
    /** Smallest count that may be shown (zero aside). */
    public static final int MIN_SHOWN = 11;
    /** Appended to a rate whose relative standard error is above 30%. */
    public static final String UNSTABLE = "*";

    private Counts() {}

    /** Whether a count is between 1 and 10: a small cell that must not be shown or be derivable. */
    public static boolean small(long n) {
        return n >= 1 && n < MIN_SHOWN;
    }

    /** "1,234", "0", or "<11" for 1..10. */
    public static String mask(long n) {
        if (n >= 1 && n < MIN_SHOWN) {
            return SMALL;
        }
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    /** Exposure (e.g. patient-days) rounded to whole units, masked like a count. */
    public static String mask(Double exposure) {
        return exposure == null ? "–" : mask(Math.round(exposure));
    }
}
