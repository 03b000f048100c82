package org.lhs.qi.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams RFC 4180 rows (CRLF, quotes only where needed) of one canonical file and counts them. */
final class CsvSink implements Closeable {

    private final CanonicalFile file;
    private final Writer out;
    private long rows;

    CsvSink(Path dir, CanonicalFile file) throws IOException {
        this.file = file;
        this.out = new BufferedWriter(Files.newBufferedWriter(dir.resolve(file.fileName()), StandardCharsets.UTF_8),
                1 << 16);
        writeLine(file.columns().toArray(new String[0]));
    }

    /** Writes one data row; {@code null} values become empty fields. */
    void row(String... values) {
        if (values.length != file.columns().size()) {
            throw new IllegalArgumentException(file.fileName() + ": expected " + file.columns().size()
                    + " values, got " + values.length);
        }
        writeLine(values);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void writeLine(String[] values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String v = values[i];
                if (v != null && !v.isEmpty()) {
                    out.write(needsQuotes(v) ? '"' + v.replace("\"", "\"\"") + '"' : v);
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
