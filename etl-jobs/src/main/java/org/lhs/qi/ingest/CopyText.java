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
        for (int i = 0; i < value.length(); i++) {
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
