package org.lhs.qi.ingest.fhir;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (LF or CRLF) with a ceiling on their length: a longer line is consumed to its end without
 * being kept, and reported as too long, so one runaway NDJSON line cannot exhaust memory or stop the file.
 */
final class BoundedLines {

    /** Longest NDJSON line kept: 16 Mi characters (a resource with a large attachment still fits). */
    static final int MAX_LINE_CHARS = 16 << 20;

    /** One line: its text, or (when too long) only its length and the first characters for the quarantine. */
    record Line(String text, boolean tooLong, long length) {}

    private static final int PREFIX_CHARS = 1000;

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int end;
    private boolean eof;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean sawAny = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    return done(line, length);
                }
            }
            sawAny = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (length + n <= maxChars) {
                line.append(buffer, start, n);
            } else if (line.length() > PREFIX_CHARS) {
                // past the ceiling: keep only a prefix for the quarantine and drop the rest as it streams by
                line.setLength(PREFIX_CHARS);
                line.trimToSize();
            } else if (line.length() < PREFIX_CHARS) {
                line.append(buffer, start, Math.min(n, PREFIX_CHARS - line.length()));
            }
            length += n;
            if (pos < end) {
                pos++; // the '\n'
                return done(line, length);
            }
        }
    }

    private Line done(StringBuilder line, long length) {
        if (length > maxChars) {
            return new Line(line.toString(), true, length);
        }
        int l = line.length();
        if (l > 0 && line.charAt(l - 1) == '\r') {
            line.setLength(l - 1);
            length--;
        }
        return new Line(line.toString(), false, length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
