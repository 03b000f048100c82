package org.lhs.qi.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that keeps the characters the CSV parser has consumed since the current record started, so
 * a bad record's raw text and physical line number can be recovered. Memory stays bounded by one record
 * plus the parser's read-ahead: callers discard what lies before the record they are on.
 * A leading byte-order mark is dropped.
 */
final class TrackingReader extends Reader {

    private static final int COMPACT_THRESHOLD = 1 << 16;

    private final Reader in;
    private final StringBuilder window = new StringBuilder(1 << 15);
    private long windowStart;   // absolute position of window.charAt(0)
    private long total;         // characters handed out so far
    private boolean first = true;

    TrackingReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0 && first) {
            first = false;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        if (n > 0) {
            window.append(buffer, offset, n);
            total += n;
        }
        return n;
    }

    /** Characters read from the source so far (the end of what {@link #slice} can return). */
    long position() {
        return total;
    }

    /** Text between two absolute positions, both not yet discarded. */
    String slice(long from, long to) {
        return window.substring(Math.toIntExact(from - windowStart), Math.toIntExact(Math.min(to, total) - windowStart));
    }

    /**
     * Line breaks between two absolute positions, both not yet discarded (LF, CRLF or a lone CR each count once), as
     * {@link CommonsCsvRecordSource#newlines} counts them in {@link #slice}, without copying the text.
     */
    long newlines(long from, long to) {
        int start = Math.toIntExact(from - windowStart);
        int end = Math.toIntExact(Math.min(to, total) - windowStart);
        long n = 0;
        for (int i = start; i < end; i++) {
            char ch = window.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == end || window.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    /** Character at an absolute position, or -1 beyond what has been read. */
    int charAt(long position) {
        return position < total ? window.charAt(Math.toIntExact(position - windowStart)) : -1;
    }

    /** Forgets text before a position; compacts only now and then so the cost stays linear. */
    void discardBefore(long position) {
        int drop = Math.toIntExact(position - windowStart);
        if (drop > COMPACT_THRESHOLD) {
            window.delete(0, drop);
            windowStart = position;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
