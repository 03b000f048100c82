package org.lhs.qi.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a value set CSV ({@code code_system,code,display}) reporting bad rows with file:line. Each line is
 * one row (quoted fields may contain commas but not line breaks), which keeps line numbers exact.
 */
final class ValueSetParser {

    private ValueSetParser() {}

    /** Parses the file; returns null when it has errors (reported into {@code out}). */
    static ValueSet parse(Path file, String indicatorId, String localName, List<Diagnostic> out) {
        List<String> lines;
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > DefinitionLimits.MAX_VALUE_SET_BYTES) {
                out.add(Diagnostic.of(file, 1, 1, Message.FILE_TOO_LARGE, size, DefinitionLimits.MAX_VALUE_SET_BYTES));
                return null;
            }
            bytes = Files.readAllBytes(file);
            lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            out.add(Diagnostic.of(file, 1, 1, Message.FILE_UNREADABLE, e.getMessage()));
            return null;
        }
        int errors = 0;
        String header = lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "").strip();
        if (!header.equals("code_system,code,display")) {
            out.add(Diagnostic.of(file, 1, 1, Message.VALUE_SET_HEADER, header));
            return null;
        }
        List<ValueSet.Code> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            CSVRecord r;
            try (CSVParser p = CSVParser.parse(line, CSVFormat.RFC4180)) {
                List<CSVRecord> rs = p.getRecords();
                r = rs.isEmpty() ? null : rs.get(0);
            } catch (IOException | RuntimeException e) {
                out.add(Diagnostic.of(file, lineNo, 1, Message.VALUE_SET_ROW, e.getMessage()));
                errors++;
                continue;
            }
            if (r == null || r.size() < 2 || r.size() > 3 || r.get(1).isBlank()) {
                out.add(Diagnostic.of(file, lineNo, 1, Message.VALUE_SET_ROW, line));
                errors++;
                continue;
            }
            String system = r.get(0).strip();
            String code = r.get(1).strip();
            if (!Vocabulary.CODE_SYSTEMS.contains(system)) {
                out.add(Diagnostic.of(file, lineNo, 1, Message.VALUE_SET_CODE_SYSTEM, system,
                        String.join(", ", Vocabulary.CODE_SYSTEMS)));
                errors++;
                continue;
            }
            if (!seen.add(system + "|" + code)) {
                out.add(Diagnostic.of(file, lineNo, 1, Message.VALUE_SET_DUPLICATE, system, code));
                errors++;
                continue;
            }
            codes.add(new ValueSet.Code(system, code, r.size() > 2 && !r.get(2).isBlank() ? r.get(2).strip() : null));
        }
        if (codes.isEmpty() && errors == 0) {
            out.add(Diagnostic.of(file, 1, 1, Message.VALUE_SET_EMPTY, file.getFileName()));
            return null;
        }
        return errors > 0 ? null : new ValueSet(ValueSet.qualifiedName(indicatorId, localName), indicatorId, localName,
                file, Hashes.sha256(bytes), List.copyOf(codes));
    }
}
