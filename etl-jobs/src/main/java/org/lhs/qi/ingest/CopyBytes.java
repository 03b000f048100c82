package org.lhs.qi.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL COPY text format written straight into UTF-8 bytes: the same text as {@link CopyText}, without
 * the detour through a {@code StringBuilder}, a {@code String} and {@code getBytes} (three copies of every byte).
 * ASCII values, the usual case, are copied char by char; a value with other characters is escaped and encoded whole.
 */
final class CopyBytes {

    private byte[] bytes;
    private int size;

    CopyBytes(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Appends one row (two numbers, then text values; null is {@code \N}) and its newline. */
    void appendRow(long first, long second, String[] values) {
        appendLong(first);
        append((byte) '\t');
        appendLong(second);
        for (String v : values) {
            append((byte) '\t');
            appendValue(v);
        }
        append((byte) '\n');
    }

    void appendValue(String value) {
        if (value == null) {
            ensure(2);
            bytes[size++] = '\\';
            bytes[size++] = 'N';
            return;
        }
        int n = value.length();
        ensure(2 * n); // every ASCII char becomes at most two bytes
        byte[] b = bytes;
        int s = size;
        for (int i = 0; i < n; i++) {
            char ch = value.charAt(i);
            if (ch >= 0x80) {
                appendEncoded(value); // rare: let the JDK encode it (surrogates and all)
                return;
            }
            switch (ch) {
                case '\\' -> { b[s++] = '\\'; b[s++] = '\\'; }
                case '\t' -> { b[s++] = '\\'; b[s++] = 't'; }
                case '\n' -> { b[s++] = '\\'; b[s++] = 'n'; }
                case '\r' -> { b[s++] = '\\'; b[s++] = 'r'; }
                case '\0' -> {
                    appendEncoded(value); // PostgreSQL text cannot hold NUL: CopyText makes it U+FFFD
                    return;
                }
                default -> b[s++] = (byte) ch;
            }
        }
        size = s;
    }

    private void appendEncoded(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        CopyText.appendValue(escaped, value);
        byte[] encoded = escaped.toString().getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
    }

    private void appendLong(long v) {
        if (v >= 0 && v < 10) {
            append((byte) ('0' + v));
            return;
        }
        String s = Long.toString(v);
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    private void append(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
