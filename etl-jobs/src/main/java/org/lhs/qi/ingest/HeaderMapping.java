package org.lhs.qi.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each spec column sits in a file's header. Names match ignoring case and surrounding blanks; the
 * order is free. A missing required column or a repeated name rejects the file; unknown columns are
 * reported (to be warned about once) and ignored.
 *
 * @param headerSize        number of fields in the header (every record must have as many)
 * @param sourceIdIndex     field of {@code <table>_id}
 * @param sourceSystemIndex field of {@code source_system}, or -1
 * @param deletedIndex      field of {@code deleted} (incremental extracts), or -1
 * @param columnIndexes     field of each spec column, in spec order, or -1 when absent
 * @param ignoredColumns    header names that are not part of the layout
 */
public record HeaderMapping(int headerSize, int sourceIdIndex, int sourceSystemIndex, int deletedIndex, int[] columnIndexes,
                            List<String> ignoredColumns) {

    public static HeaderMapping resolve(TableSpec spec, String fileName, List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            if (!name.isEmpty() && positions.putIfAbsent(name, i) != null) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ExtractRejectedException(fileName + ": header repeats column(s) " + String.join(", ", duplicates)
                    + "; each column may appear once");
        }
        List<String> missing = new ArrayList<>();
        if (!positions.containsKey(spec.sourceIdColumn())) {
            missing.add(spec.sourceIdColumn());
        }
        int[] indexes = new int[spec.columns().size()];
        for (int c = 0; c < indexes.length; c++) {
            ColumnSpec column = spec.columns().get(c);
            indexes[c] = positions.getOrDefault(column.name(), -1);
            if (indexes[c] < 0 && column.required()) {
                missing.add(column.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ExtractRejectedException(fileName + ": header lacks required column(s) " + String.join(", ", missing)
                    + " (header: " + String.join(",", header) + "); the whole file is rejected");
        }
        Set<String> known = Set.copyOf(spec.knownHeaderNames());
        List<String> ignored = header.stream().map(HeaderMapping::normalise).filter(n -> !known.contains(n)).toList();
        return new HeaderMapping(header.size(), positions.get(spec.sourceIdColumn()),
                positions.getOrDefault(TableSpec.SOURCE_SYSTEM_COLUMN, -1),
                positions.getOrDefault(TableSpec.DELETED_COLUMN, -1), indexes, ignored);
    }

    static String normalise(String headerName) {
        return headerName.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
