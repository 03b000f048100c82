package org.lhs.qi.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Test helper: reads a generated CSV file into header-keyed rows (empty fields as empty strings). */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    static List<Map<String, String>> read(Path dir, String file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                rows.add(rec.toMap());
            }
        }
        return rows;
    }
}
