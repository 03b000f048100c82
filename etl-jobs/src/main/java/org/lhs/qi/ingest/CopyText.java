package org.lhs.qi.ingest;

/** Writes rows in PostgreSQL COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
public final class CopyText {

    private CopyText() {}

    /** Appends one row (numbers first, then text values) and its newline. */
    public static void appendRow(StringBuilder out, long first, long second, String[] values) {
        out.append(first).append('\t').append(second);
        for (String v : values) {
            out.append('\t');
            appendValue(out, v);
        }
        out.append('\n');
    }

    public static void appendValue(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        int n = value.length();
        int i = 0;
        while (i < n) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\0') {
                break;
            }
            i++;
        }
        if (i == n) {
            out.append(value); // the usual case: nothing to escape, one bulk copy instead of a char-by-char switch
            return;
        }
        out.append(value, 0, i);
        for (; i < n; i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append('\uFFFD'); // PostgreSQL text cannot hold NUL
                default -> out.append(ch);
            }
        }
    }
}
