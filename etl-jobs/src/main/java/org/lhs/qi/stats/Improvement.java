package org.lhs.qi.stats;

import java.util.Locale;

/** Which direction of an indicator is better, as in the definition's {@code improvement} field. */
public enum Improvement {
    INCREASE, DECREASE;

    /** Parses the definition vocabulary {@code increase | decrease}. */
    public static Improvement of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether a move in the given sign (+1 up, −1 down) is an improvement. */
    public boolean better(int sign) {
        return this == INCREASE ? sign > 0 : sign < 0;
    }
}
