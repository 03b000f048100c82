package org.lhs.qi.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One open {@link CsvSink} per canonical file, and/or the FHIR NDJSON sink. */
final class Outputs implements Closeable {

    private final EnumMap<CanonicalFile, CsvSink> sinks = new EnumMap<>(CanonicalFile.class);
    private final EnumMap<CanonicalFile, Long> rows = new EnumMap<>(CanonicalFile.class);
    private FhirNdjsonSink ndjson;

    Outputs(Path dir) throws IOException {
        this(dir, OutputFormat.CSV);
    }

    /** NDJSON goes into {@code dir} alone, or into {@code dir/fhir} beside the CSV files. */
    Outputs(Path dir, OutputFormat format) throws IOException {
        try {
            for (CanonicalFile f : CanonicalFile.values()) {
                rows.put(f, 0L);
                if (format.csv()) {
                    sinks.put(f, new CsvSink(dir, f));
                }
            }
            if (format.ndjson()) {
                ndjson = new FhirNdjsonSink(format.csv() ? dir.resolve("fhir") : dir);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    void row(CanonicalFile file, String... values) {
        if (values.length != file.columns().size()) {
            throw new IllegalArgumentException(file.fileName() + ": expected " + file.columns().size()
                    + " values, got " + values.length);
        }
        rows.merge(file, 1L, Long::sum);
        CsvSink csv = sinks.get(file);
        if (csv != null) {
            csv.row(values);
        }
        if (ndjson != null) {
            ndjson.row(file, values);
        }
    }

    /** Rows per file name, in canonical order. */
    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        rows.forEach((f, n) -> out.put(f.fileName(), n));
        return out;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        if (ndjson != null) {
            try {
                ndjson.close();
            } catch (IOException e) {
                first = e;
            }
            ndjson = null;
        }
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
