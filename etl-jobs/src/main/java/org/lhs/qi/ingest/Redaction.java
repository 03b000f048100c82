package org.lhs.qi.ingest;

import java.util.regex.Pattern;

/**
 * Takes the extract's values out of a quarantine reason before it goes anywhere but {@code qi.quarantine}
 * (logs, stderr, {@code qi.run.message}): reasons quote the offending value ({@code 'P03'},
 * {@code '2026-10-45T10:00:00Z'}), which may be a patient identifier or a clinical value. The column name,
 * the line number and the kind of problem stay, which is what an operator needs to find the row.
 */
public final class Redaction {

    /** A single-quoted literal as {@code ValueType.quote} and PostgreSQL's {@code format('%L')} write it. */
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*+'");

    /** Shown instead of the value. */
    public static final String WITHHELD = "'…'";

    private Redaction() {}

    /** The reason with every quoted value replaced by {@link #WITHHELD}. */
    public static String withoutValues(String reason) {
        return reason == null ? null : QUOTED.matcher(reason).replaceAll(WITHHELD);
    }
}
