package org.lhs.qi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 4180 records straight from UTF-8 bytes, with the physical line where each starts and its raw text. It reads
 * records exactly as the previous Apache Commons CSV setup did ({@code CSVFormat.DEFAULT}, empty lines ignored,
 * trailing data after a closing quote kept, an unterminated quote an error): a quote opens a quoted field only as
 * its first character, {@code ""} inside it is one quote, anything after the closing quote up to the next delimiter
 * is kept literally; LF, CRLF and a lone CR end a record. {@code CsvScannerTest} checks this against Commons CSV
 * on random hostile input.
 * <p>
 * Why bytes: the delimiters are ASCII and can never occur inside a multi-byte UTF-8 sequence, so records split
 * without decoding the file first; each field is decoded once (invalid bytes become U+FFFD as before). This is
 * about three times cheaper than a {@code Reader} + Commons CSV + a tracking window, and the parser is the
 * largest Java cost of ingest. Memory is one buffer that grows only for a record longer than it.
 */
final class CsvScanner {

    /** An unterminated quoted field: the rest of the file cannot be read as CSV. */
    static final class MalformedCsvException extends RuntimeException {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    /** Field kinds: plain bytes, a quoted field without escapes (bytes between the quotes), or one to unescape. */
    private static final byte PLAIN = 0;
    private static final byte QUOTED = 1;
    private static final byte ESCAPED = 2;

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;      // first byte of the current record
    private int pos;        // scan position
    private int limit;      // end of valid bytes
    private boolean eof;
    private long line = 1;  // physical line at pos
    private long recordLine;
    private int recordEnd;  // end of the current record's text (before its line break), relative to start
    private int count;
    private int[] from = new int[32];  // field bounds relative to start
    private int[] to = new int[32];
    private byte[] kind = new byte[32];

    CsvScanner(InputStream in) {
        this.in = in;
        while (limit < 3 && fill()) {
            // a short read: the byte-order mark check needs three bytes
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3; // byte-order mark
        }
    }

    /**
     * Moves to the next record, skipping empty lines; false at the end of the input.
     *
     * @throws MalformedCsvException on a quoted field that the input ends inside
     */
    boolean next() {
        start = pos; // the previous record is done with: the buffer may drop it
        // empty lines before the record (only whole empty lines: a line of blanks is a record)
        while (true) {
            if (pos == limit && !fill()) {
                return false;
            }
            byte b = buf[pos];
            if (b == LF) {
                pos++;
                line++;
            } else if (b == CR) {
                pos++;
                if ((pos < limit || fill()) && buf[pos] == LF) {
                    pos++;
                }
                line++;
            } else {
                break;
            }
        }
        start = pos;
        recordLine = line;
        count = 0;
        while (true) { // one field per iteration
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2);
                to = Arrays.copyOf(to, count * 2);
                kind = Arrays.copyOf(kind, count * 2);
            }
            int terminator;
            if ((pos < limit || fill()) && buf[pos] == QUOTE) {
                terminator = quotedField();
            } else {
                // the hot path: an unquoted field runs to a comma or a line break; quotes inside it are literal
                int fieldFrom = pos - start; // relative: fill() may move the buffer's content
                byte[] b = buf;
                int p = pos;
                int l = limit;
                terminator = -1;
                while (true) {
                    if (p == l) {
                        pos = p;
                        boolean more = fill();
                        p = pos;
                        b = buf;
                        l = limit;
                        if (!more) {
                            break;
                        }
                    }
                    byte c = b[p];
                    if (c == COMMA || c == LF || c == CR) {
                        terminator = c;
                        break;
                    }
                    p++;
                }
                from[count] = fieldFrom;
                to[count] = p - start;
                kind[count] = PLAIN;
                pos = p;
            }
            count++;
            if (terminator == COMMA) {
                pos++;
                continue;
            }
            recordEnd = pos - start;
            if (terminator == LF) {
                pos++;
                line++;
            } else if (terminator == CR) {
                pos++;
                if ((pos < limit || fill()) && buf[pos] == LF) {
                    pos++;
                }
                line++;
            }
            return true; // terminator -1: end of input ends the record
        }
    }

    /** Scans a quoted field starting at pos (on its opening quote); returns what ended it (comma, CR, LF or -1). */
    private int quotedField() {
        long opened = line;
        pos++;
        int contentFrom = pos - start;
        byte k = QUOTED;
        while (true) {
            if (pos == limit && !fill()) {
                throw new MalformedCsvException("end of file inside the quoted field that starts on line " + opened);
            }
            byte c = buf[pos];
            if (c == QUOTE) {
                if ((pos + 1 < limit || fillKeeping()) && buf[pos + 1] == QUOTE) {
                    k = ESCAPED; // "" stands for one quote
                    pos += 2;
                    continue;
                }
                int contentTo = pos - start;
                pos++; // the closing quote
                // trailing data up to the next delimiter is kept as it stands
                while (true) {
                    if (pos == limit && !fill()) {
                        record(contentFrom, contentTo, k);
                        return -1;
                    }
                    byte t = buf[pos];
                    if (t == COMMA || t == LF || t == CR) {
                        record(contentFrom, contentTo, k);
                        return t;
                    }
                    k = ESCAPED;
                    contentTo = -1; // marks trailing data; the field is rebuilt from the raw bytes
                    pos++;
                }
            }
            if (c == LF || (c == CR && !((pos + 1 < limit || fillKeeping()) && buf[pos + 1] == LF))) {
                line++;
            }
            pos++;
        }
    }

    private void record(int contentFrom, int contentTo, byte k) {
        from[count] = contentFrom;
        to[count] = contentTo < 0 ? pos - start : contentTo;
        kind[count] = k;
    }

    /** Physical line (1-based) where the current record starts. */
    long lineNo() {
        return recordLine;
    }

    int fieldCount() {
        return count;
    }

    /** The current record's fields, decoded. */
    String[] fields() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = field(i);
        }
        return out;
    }

    String field(int i) {
        int a = start + from[i];
        int b = start + to[i];
        return switch (kind[i]) {
            case PLAIN, QUOTED -> new String(buf, a, b - a, StandardCharsets.UTF_8);
            default -> unescape(a, b);
        };
    }

    /** A quoted field with {@code ""} escapes and/or trailing data after its closing quote. */
    private String unescape(int a, int b) {
        byte[] out = new byte[b - a];
        int n = 0;
        boolean quoted = true;
        for (int p = a; p < b; p++) {
            byte c = buf[p];
            if (quoted && c == QUOTE) {
                if (p + 1 < b && buf[p + 1] == QUOTE) {
                    out[n++] = QUOTE;
                    p++;
                } else {
                    quoted = false; // the closing quote; what follows is trailing data, quotes and all
                }
                continue;
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The current record as written, without its line break. */
    String raw() {
        return new String(buf, start, recordEnd, StandardCharsets.UTF_8);
    }

    /** Reads more input, keeping the current record; false when none is left. Moves the buffer's content. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        if (start > 0 && limit == buf.length) {
            int keep = limit - start;
            System.arraycopy(buf, start, buf, 0, keep);
            pos -= start;
            limit = keep;
            start = 0;
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #fill} for a look-ahead at pos + 1: true when that byte is available afterwards. */
    private boolean fillKeeping() {
        while (pos + 1 >= limit) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }
}
