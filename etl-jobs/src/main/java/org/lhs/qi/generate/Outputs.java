package org.lhs.qi.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One open {@link CsvSink} per canonical file. */
final class Outputs implements Closeable {

    private final EnumMap<CanonicalFile, CsvSink> sinks = new EnumMap<>(CanonicalFile.class);

    Outputs(Path dir) throws IOException {
        try {
            for (CanonicalFile f : CanonicalFile.values()) {
                sinks.put(f, new CsvSink(dir, f));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    void row(CanonicalFile file, String... values) {
        sinks.get(file).row(values);
    }

    /** Rows per file name, in canonical order. */
    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        sinks.forEach((f, s) -> out.put(f.fileName(), s.rows()));
        return out;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CsvSink s : sinks.values()) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
