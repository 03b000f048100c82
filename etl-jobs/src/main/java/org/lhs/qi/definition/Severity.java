package org.lhs.qi.definition;

import java.util.Locale;

/** How bad a diagnostic is: errors make the definition set unusable, warnings do not. */
public enum Severity {
    ERROR, WARNING;

    /** Lower-case label used in {@code file:line:col: error: ...}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
